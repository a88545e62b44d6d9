-- The public directory (issue 16) reads the approved offers of its places by place.
CREATE INDEX "Offer_locationId_status_idx" ON "Offer"("locationId", "status");

-- Approval now gives a structure its first place, at its address. A structure qualified before
-- has one made the same way here (audited as the system), so the directory can list it.
WITH created AS (
  INSERT INTO "Location" ("id", "structureId", "name", "addressLine", "postalCode", "city", "departement", "active", "createdAt", "updatedAt")
  SELECT gen_random_uuid()::text, s."id", s."name", s."addressLine", s."postalCode", s."city", s."departement", true, now(), now()
    FROM "Structure" s
   WHERE s."status" IN ('ELIGIBLE', 'SUSPENDED')
     AND NOT EXISTS (SELECT 1 FROM "Location" l WHERE l."structureId" = s."id")
  RETURNING *
)
INSERT INTO "AuditEvent" ("id", "actorType", "actorName", "action", "resource", "recordId", "after", "createdAt")
SELECT gen_random_uuid()::text, 'SYSTEM'::"ActorType", 'Système (migration : premier lieu de la structure)', 'create', 'locations', c."id", to_jsonb(c), now()
  FROM created c;
