import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { post, redemptionAcceptedLines } from '../../server/src/ledger';

/** A Paris wall-clock time in winter ("2026-10-31T23:30") as an instant. */
export const paris = (iso: string) => new Date(new Date(`${iso}+01:00`).toISOString());

/** What the redemption path leaves for one accepted pass at a past instant (the API only redeems now): redemption, scan, pass REDEEMED, ledger. */
export async function redeemPassAt(prisma: PrismaClient, structure: { id: string; offerId: string }, pass: { id: string; barcode: string }, at: Date) {
  await prisma.$transaction(async (tx) => {
    const r = await tx.redemption.create({ data: { structureId: structure.id, offerId: structure.offerId, status: 'ACCEPTED', passCount: 1, totalValueCents: 1000, createdAt: at } });
    await tx.scan.create({ data: { redemptionId: r.id, structureId: structure.id, offerId: structure.offerId, passId: pass.id, barcode: pass.barcode, outcome: 'ACCEPTED', valueCents: 1000, scannedAt: at } });
    await tx.pass.update({ where: { id: pass.id }, data: { status: 'REDEEMED', redeemedAt: at } });
    await post(tx, { event: 'REDEMPTION_ACCEPTED', resource: 'redemptions', recordId: r.id, at, lines: redemptionAcceptedLines(structure.id, 1000) });
  });
  return pass;
}
