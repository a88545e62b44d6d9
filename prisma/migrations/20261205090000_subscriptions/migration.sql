-- Kit subscriptions (issue 12): ordered by the structure (partner API), changed or ended by
-- FINANCE/ADMIN with a reason. A plan change once billing started freezes what the old plan
-- billed (earlierPlansFeesCents) and starts the new plan at the old one's next period (planFrom).
ALTER TABLE "Subscription" ADD COLUMN "planFrom" TIMESTAMP(3),
    ADD COLUMN "earlierPlansFeesCents" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "cancelReason" TEXT,
    ADD COLUMN "cancelledById" TEXT,
    ADD COLUMN "cancelledByName" TEXT;

-- A structure has at most one open kit. Should a database hold several (the demo data never
-- did), one stays open (a started one first, then the latest ordered) and the others are ended,
-- saying why.
UPDATE "Subscription" s SET "status" = 'CANCELLED', "cancelledAt" = CURRENT_TIMESTAMP,
       "cancelReason" = 'Doublon : un autre abonnement au kit de la structure est resté ouvert (migration).',
       "cancelledByName" = 'Système', "updatedAt" = CURRENT_TIMESTAMP
 WHERE s."status" IN ('PENDING', 'ACTIVE')
   AND EXISTS (SELECT 1 FROM "Subscription" o
                WHERE o."structureId" = s."structureId" AND o."status" IN ('PENDING', 'ACTIVE')
                  AND (o."status" = 'ACTIVE', o."orderedAt", o."id") > (s."status" = 'ACTIVE', s."orderedAt", s."id"));
CREATE UNIQUE INDEX "Subscription_structureId_open_key" ON "Subscription"("structureId") WHERE "status" IN ('PENDING', 'ACTIVE');

-- Console lists: a structure's kits (its page), by status; both sorted like the default list.
DROP INDEX "Subscription_structureId_idx";
DROP INDEX "Subscription_status_idx";
CREATE INDEX "Subscription_structureId_orderedAt_id_idx" ON "Subscription"("structureId", "orderedAt" DESC, "id" DESC);
CREATE INDEX "Subscription_status_orderedAt_id_idx" ON "Subscription"("status", "orderedAt" DESC, "id" DESC);
