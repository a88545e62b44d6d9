import { createHash } from 'node:crypto';
import type { Tx } from '../writes/write-path';
import type { PrismaClient } from '../generated/prisma/client';
import type { PdfRenderer } from './pdf-renderer';
import type { StatementPayment, StatementPdfLine, StatementSnapshot } from './statement.pdf';

/** Everything a closed statement's PDF is rendered from: its frozen snapshot, its lines, where its transfer stands. */
export interface StatementDocument {
  id: string;
  snapshot: StatementSnapshot;
  lines: StatementPdfLine[];
  payment: StatementPayment | null;
}

/** What a stored PDF was rendered with besides the frozen statement: when it changes (paid, returned), the PDF does. */
export const paymentKey = (payment: StatementPayment | null): string => JSON.stringify(payment);

/** Where a statement's transfer stands, as its PDF says it, from its payout (none: nothing to transfer yet or ever). */
export const paymentOf = (payout: { status: string; paidAt: Date | null; withheldReason: string | null } | null): StatementPayment | null =>
  payout ? { status: payout.status, paidAt: payout.paidAt?.toISOString() ?? null, withheldReason: payout.withheldReason } : null;

export const PAYOUT_OF_STATEMENT = { select: { status: true, paidAt: true, withheldReason: true } } as const;

/**
 * The documents of these closed statements (FINAL, with a snapshot), by id; a draft has none.
 * The ids come from the server (a job's chunk, a route's checked statement), never a request.
 */
export async function statementDocuments(db: Tx | PrismaClient, ids: string[]): Promise<Map<string, StatementDocument>> {
  const statements = await db.statement.findMany({
    where: { id: { in: ids }, status: 'FINAL' },
    select: { id: true, snapshot: true, payout: PAYOUT_OF_STATEMENT },
  });
  const lines = await db.statementLine.findMany({
    where: { statementId: { in: statements.map((s) => s.id) } },
    orderBy: [{ scannedAt: 'asc' }, { id: 'asc' }],
    select: { statementId: true, barcode: true, scannedAt: true, serviceLabel: true, valueCents: true, forced: true },
  });
  const byStatement = new Map<string, StatementPdfLine[]>();
  for (const { statementId, scannedAt, forced, ...line } of lines) {
    const list = byStatement.get(statementId) ?? [];
    list.push({ ...line, scannedAt: scannedAt.toISOString(), ...(forced ? { forced: true as const } : {}) });
    byStatement.set(statementId, list);
  }
  const documents = new Map<string, StatementDocument>();
  for (const s of statements) {
    if (!s.snapshot) continue;
    documents.set(s.id, { id: s.id, snapshot: s.snapshot as unknown as StatementSnapshot, lines: byStatement.get(s.id) ?? [], payment: paymentOf(s.payout) });
  }
  return documents;
}

/** Renders a statement's PDF (in the renderer's worker thread). */
export const renderStatementDocument = (renderer: PdfRenderer, d: StatementDocument) => renderer.statement(d.snapshot, d.lines, d.payment);

/** Stores a rendered statement PDF (the closing's « Relevés PDF » step), replacing an older rendering. */
export async function storeStatementPdf(tx: Tx, d: StatementDocument, bytes: Buffer) {
  const data = { payment: paymentKey(d.payment), bytes: new Uint8Array(bytes), sha256: createHash('sha256').update(bytes).digest('hex'), renderedAt: new Date() };
  await tx.statementPdf.upsert({ where: { statementId: d.id }, create: { statementId: d.id, ...data }, update: data });
}
