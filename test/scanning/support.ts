import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { orderActivatedLines, post } from '../../server/src/ledger';
import { issuePartnerKey } from '../../server/src/partner/partner-keys';
import { barcodeFromSerial, randomSerial } from '../../server/src/rules/barcode';
import { acceptedUntilOf, bookletNumberOf, orderAmounts } from '../../server/src/rules/orders';

let sequence = 700_000;
let references = 0;

export interface OrderFixture {
  orderId: string;
  sponsorId: string;
  /** booklets[b][p]: the passes of each booklet, in order. */
  booklets: { id: string; barcode: string }[][];
}

/**
 * An order as the emission path leaves it (issued, and activated with its ledger transaction when
 * `active`), with its restrictions: the fixture of the scanning tests.
 */
export async function makeOrder(
  prisma: PrismaClient,
  options: { active?: boolean; validityYear?: number; allowedDepartements?: string[]; validFrom?: Date | null; validUntil?: Date | null; booklets?: number } = {},
): Promise<OrderFixture> {
  const { active = true, validityYear = 2026, allowedDepartements = [], validFrom = null, validUntil = null, booklets = 2 } = options;
  const sponsor = await prisma.sponsor.findFirstOrThrow({ orderBy: { name: 'asc' } });
  return prisma.$transaction(async (tx) => {
    references += 1;
    const order = await tx.order.create({
      data: {
        reference: `CMD-T12-${process.pid}-${references}`,
        sponsorId: sponsor.id,
        status: active ? 'ACTIVE' : 'AWAITING_PAYMENT',
        bookletCount: booklets,
        ...orderAmounts(booklets, 1000),
        paymentOrderNumber: active ? `OP-${references}` : null,
        allowedDepartements,
        validityYear,
        validFrom,
        validUntil,
        issuedAt: new Date(),
        activatedAt: active ? new Date() : null,
      },
    });
    if (active) await post(tx, { event: 'ORDER_ACTIVATED', resource: 'orders', recordId: order.id, lines: orderActivatedLines(order) });
    const out: OrderFixture = { orderId: order.id, sponsorId: sponsor.id, booklets: [] };
    for (let b = 0; b < booklets; b++) {
      sequence += 1;
      const booklet = await tx.booklet.create({ data: { number: bookletNumberOf(validityYear, sequence), sequence, orderId: order.id } });
      out.booklets.push(
        await tx.pass.createManyAndReturn({
          data: Array.from({ length: 10 }, () => ({
            barcode: barcodeFromSerial(randomSerial()),
            bookletId: booklet.id,
            orderId: order.id,
            sponsorId: sponsor.id,
            faceValueCents: 1000,
            status: active ? ('ACTIVE' as const) : ('INACTIVE' as const),
            validityYear,
            acceptedUntil: acceptedUntilOf(validityYear),
          })),
          select: { id: true, barcode: true },
        }),
      );
    }
    return out;
  });
}

/** A partner key for a structure, as approval issues one. */
export async function partnerKey(prisma: PrismaClient, structureId: string): Promise<string> {
  return prisma.$transaction(async (tx) => (await issuePartnerKey(tx, structureId, null)).key);
}

/** An approved offer of a structure at a price, as moderation leaves it. */
export async function approvedOffer(prisma: PrismaClient, structureId: string, priceCents: number, status: 'APPROVED' | 'PENDING_REVIEW' = 'APPROVED') {
  const service = await prisma.referentialService.findFirstOrThrow({ where: { active: true }, orderBy: { code: 'asc' } });
  return prisma.offer.create({
    data: { structureId, serviceId: service.id, title: `${service.label} (${priceCents / 100} €)`, priceCents, durationMinutes: 60, status, validation: status === 'APPROVED' ? 'AUTO' : null },
  });
}

/** A barcode with a right check digit that no pass carries. */
export const unknownBarcode = () => barcodeFromSerial(randomSerial());

/** The same 13 digits with a wrong check digit. */
export const mistyped = (barcode: string) => barcode.slice(0, 12) + String((Number(barcode[12]) + 1) % 10);
