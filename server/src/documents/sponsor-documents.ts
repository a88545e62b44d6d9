import type { Prisma } from '../generated/prisma/client';
import { formatDocumentNumber, nextDocumentNumber } from '../ledger/document-numbers';
import { BUSINESS_ZONE } from '../rules/dates';
import { DateTime } from 'luxon';

/**
 * Documents sent to sponsors (SPEC §3 "Orders", "Statements and payouts"): the upstream-fee
 * invoice of an order, numbered when the order is activated, and the credit note of its unused
 * passes, numbered when it is closed. Each is numbered gap-free per kind and year, and keeps a
 * frozen snapshot of everything it prints, so rendering it again gives the same document.
 */
export type SponsorDocumentKind = 'SPONSOR_FEE_INVOICE' | 'SPONSOR_CREDIT_NOTE';

/**
 * Who issues the documents (configuration ISSUER_*; build it with issuerFrom(config)). Only the
 * name is required, so that documents frozen before the other fields existed still render.
 */
export interface IssuerIdentity {
  name: string;
  siret?: string;
  addressLine?: string;
  postalCode?: string;
  city?: string;
  /** Intra-community VAT number. */
  vatNumber?: string;
  email?: string;
}

export interface SponsorDocumentSnapshot {
  kind: SponsorDocumentKind;
  number: string;
  /** ISO instant of issue. */
  issuedAt: string;
  issuer: IssuerIdentity;
  sponsor: { id: string; name: string; siret: string; addressLine: string; postalCode: string; city: string; contactName: string; contactEmail: string };
  order: {
    id: string;
    reference: string;
    bookletCount: number;
    passesPerBooklet: number;
    passValueCents: number;
    validityYear: number;
    paymentOrderNumber: string | null;
    faceValueCents: number;
    upstreamFeeRateBp: number;
    upstreamFeeCents: number;
    vatRateBp: number;
    vatCents: number;
    totalCents: number;
  };
  /** Credit note: the unused passes credited back at face value, by status. */
  credited?: { expiredCount: number; expiredCents: number; cancelledCount: number; cancelledCents: number; totalCents: number };
}

/**
 * Numbers and stores a sponsor document for an order inside the caller's transaction (the state
 * change it goes with). One of each kind per order: a second call returns the first document.
 */
export async function createSponsorDocument(tx: Prisma.TransactionClient, kind: SponsorDocumentKind, orderId: string, issuer: IssuerIdentity, at = new Date()) {
  const existing = await tx.sponsorDocument.findUnique({ where: { kind_orderId: { kind, orderId } } });
  if (existing) return existing;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { sponsor: true } });
  let credited: SponsorDocumentSnapshot['credited'];
  if (kind === 'SPONSOR_CREDIT_NOTE') {
    const rows = await tx.$queryRaw<{ status: string; n: number; cents: bigint }[]>`
      SELECT status::text, count(*)::int AS n, coalesce(sum("faceValueCents"), 0) AS cents FROM "Pass"
       WHERE "orderId" = ${orderId} AND status IN ('EXPIRED', 'CANCELLED') GROUP BY status`;
    const of = (status: string) => rows.find((r) => r.status === status);
    const expiredCents = Number(of('EXPIRED')?.cents ?? 0);
    const cancelledCents = Number(of('CANCELLED')?.cents ?? 0);
    credited = { expiredCount: of('EXPIRED')?.n ?? 0, expiredCents, cancelledCount: of('CANCELLED')?.n ?? 0, cancelledCents, totalCents: expiredCents + cancelledCents };
  }
  const year = DateTime.fromJSDate(at, { zone: BUSINESS_ZONE }).year;
  const number = formatDocumentNumber(year, await nextDocumentNumber(tx, kind, year));
  const s = order.sponsor;
  const snapshot: SponsorDocumentSnapshot = {
    kind,
    number,
    issuedAt: at.toISOString(),
    issuer,
    sponsor: { id: s.id, name: s.name, siret: s.siret, addressLine: s.addressLine, postalCode: s.postalCode, city: s.city, contactName: s.contactName, contactEmail: s.contactEmail },
    order: {
      id: order.id,
      reference: order.reference,
      bookletCount: order.bookletCount,
      passesPerBooklet: order.passesPerBooklet,
      passValueCents: order.passValueCents,
      validityYear: order.validityYear,
      paymentOrderNumber: order.paymentOrderNumber,
      faceValueCents: order.faceValueCents,
      upstreamFeeRateBp: order.upstreamFeeRateBp,
      upstreamFeeCents: order.upstreamFeeCents,
      vatRateBp: order.vatRateBp,
      vatCents: order.vatCents,
      totalCents: order.totalCents,
    },
    ...(credited ? { credited } : {}),
  };
  // The fee document bills the whole order (face value, then the fee and its VAT); the credit note, the unused value.
  const amountCents = kind === 'SPONSOR_FEE_INVOICE' ? order.totalCents : (credited?.totalCents ?? 0);
  return tx.sponsorDocument.create({
    data: { kind, number, orderId, sponsorId: order.sponsorId, amountCents, snapshot: snapshot as unknown as Prisma.InputJsonObject, issuedAt: at },
  });
}
