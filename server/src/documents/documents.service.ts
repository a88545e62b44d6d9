import { Injectable } from '@nestjs/common';
import type { StaffUser } from '../auth/staff-user';
import { conflict, notFound } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { bookletsResource } from '../emission/emission.resources';
import { PrismaClient } from '../generated/prisma/client';
import { WritePath } from '../writes/write-path';
import { BookletSheet, renderBookletSheet } from './booklet-sheet.pdf';
import { renderSponsorDocument, SPONSOR_DOCUMENT_TITLES } from './sponsor-document.pdf';
import type { SponsorDocumentSnapshot } from './sponsor-documents';
import { PdfRenderer } from './pdf-renderer';
import { PAYOUT_OF_STATEMENT, paymentKey, paymentOf, renderStatementDocument, statementDocuments } from './statement-pdfs';
import { badRequest } from '../common/errors';
import { parsePeriod } from '../endorsement/period';
import { issuerFrom } from './issuer';
import { renderSponsorReport, sponsorReport, sponsorReportCsv } from './sponsor-report';

/** Ids are uuids: anything much longer is no id of ours (and is not echoed back whole). */
const MAX_ID_LENGTH = 64;

export interface PdfFile {
  fileName: string;
  bytes: Buffer;
  /** Content type when it is not a PDF. */
  type?: string;
}

/** Serves the PDFs: sponsor documents from their frozen snapshot, booklet sheets from the booklet as stored. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly config: AppConfig,
    private readonly renderer: PdfRenderer,
  ) {}

  /**
   * A closed statement's PDF as the closing stored it (« Relevés PDF »), or rendered now from its
   * frozen snapshot and lines (in the renderer's worker) when it is not stored yet or its transfer
   * has moved on since (paid, returned). `structureId` limits it to one structure's own (partner
   * API). A draft has no PDF: it is not a statement yet.
   */
  async statementPdf(id: string, structureId?: string): Promise<PdfFile> {
    const statement =
      id.length <= MAX_ID_LENGTH
        ? await this.prisma.statement.findFirst({
            where: { id, ...(structureId ? { structureId } : {}) },
            select: { id: true, status: true, number: true, payout: PAYOUT_OF_STATEMENT, pdf: { select: { payment: true, bytes: true } } },
          })
        : null;
    if (!statement) throw notFound(`Aucun relevé avec l'identifiant ${id.slice(0, MAX_ID_LENGTH)}${structureId ? ' pour votre structure' : ''}.`);
    const notYet = () => conflict('Ce relevé est encore provisoire : son PDF existe une fois le mois clôturé.');
    if (statement.status !== 'FINAL' || !statement.number) throw notYet();
    const fileName = `releve-${statement.number}.pdf`;
    if (statement.pdf && statement.pdf.payment === paymentKey(paymentOf(statement.payout))) return { fileName, bytes: Buffer.from(statement.pdf.bytes) };
    const document = (await statementDocuments(this.prisma, [statement.id])).get(statement.id);
    if (!document) throw notYet();
    return { fileName, bytes: await renderStatementDocument(this.renderer, document) };
  }

  /** The structure's closed statements, newest first (partner API). */
  async partnerStatements(structureId: string) {
    const rows = await this.prisma.statement.findMany({
      where: { structureId, status: 'FINAL' },
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      take: 120,
      select: { id: true, number: true, issuedAt: true, passCount: true, grossCents: true, feeCents: true, subscriptionCents: true, adjustmentsCents: true, carriedCents: true, netCents: true, endorsement: { select: { period: true } }, payout: { select: { status: true, paidAt: true } } },
    });
    // A transfer returned by the bank was not paid after all.
    return rows.map(({ endorsement, payout, ...r }) => ({ ...r, period: endorsement.period, payableCents: Math.max(0, r.netCents), paidAt: payout?.status === 'PAID' ? payout.paidAt : null }));
  }

  /** A sponsor's passes used in an ended Paris month, by structure and service, as a PDF or a CSV. */
  async sponsorReportFile(id: string, month: string, format: 'pdf' | 'csv'): Promise<PdfFile> {
    const period = parsePeriod(month, new Date());
    if (!period.ok) throw badRequest(period.error, { fields: { month: [period.error] } });
    const report = id.length <= MAX_ID_LENGTH ? await sponsorReport(this.prisma, id, period.params, issuerFrom(this.config), new Date()) : null;
    if (!report) throw notFound(`Aucun commanditaire avec l'identifiant ${id.slice(0, MAX_ID_LENGTH)}.`);
    const fileName = `utilisation-${month}-${report.sponsor.siret}.${format}`;
    if (format === 'csv') return { fileName, type: 'text/csv; charset=utf-8', bytes: Buffer.from(sponsorReportCsv(report), 'utf8') };
    return { fileName, bytes: await renderSponsorReport(report) };
  }

  async sponsorDocumentPdf(id: string): Promise<PdfFile> {
    const document = id.length <= MAX_ID_LENGTH ? await this.prisma.sponsorDocument.findUnique({ where: { id }, select: { snapshot: true } }) : null;
    if (!document) throw notFound(`Aucun document commanditaire avec l'identifiant ${id.slice(0, MAX_ID_LENGTH)}.`);
    const snapshot = document.snapshot as unknown as SponsorDocumentSnapshot;
    return { fileName: `${SPONSOR_DOCUMENT_TITLES[snapshot.kind].file}-${snapshot.number}.pdf`, bytes: await renderSponsorDocument(snapshot) };
  }

  /**
   * A booklet's printable sheet. Printed barcodes are as good as money: each print is a write
   * (one audit event "print-sheet", through the write path), refused for cancelled passes or
   * orders. The sheet is rendered inside that write, so no print goes unrecorded.
   */
  async bookletSheetPdf(id: string, user: StaffUser): Promise<PdfFile> {
    if (id.length > MAX_ID_LENGTH) throw notFound(`Aucun carnet avec l'identifiant ${id.slice(0, MAX_ID_LENGTH)}.`);
    const { file } = await this.writes.staff({ resource: bookletsResource, id, user, action: 'print-sheet' }, async (before, { tx }) => {
      const booklet = await tx.booklet.findUniqueOrThrow({
        where: { id },
        include: { order: { include: { sponsor: true } }, passes: { orderBy: { barcode: 'asc' }, select: { barcode: true, faceValueCents: true, status: true } } },
      });
      const order = booklet.order;
      if (order.status === 'CANCELLED') throw conflict(`La commande ${order.reference} est annulée : le carnet ${booklet.number} ne peut pas être imprimé.`);
      const cancelled = booklet.passes.filter((p) => p.status === 'CANCELLED').length;
      if (cancelled > 0) throw conflict(`Le carnet ${booklet.number} a ${cancelled} pass annulé(s) : il ne peut pas être imprimé.`);
      if (booklet.passes.length === 0) throw conflict(`Le carnet ${booklet.number} n'a aucun pass : rien à imprimer.`);
      const sheet: BookletSheet = {
        issuerName: this.config.ISSUER_NAME,
        bookletNumber: booklet.number,
        orderReference: order.reference,
        sponsorName: order.sponsor.name,
        validityYear: order.validityYear,
        allowedDepartements: order.allowedDepartements,
        validFrom: order.validFrom?.toISOString() ?? null,
        validUntil: order.validUntil?.toISOString() ?? null,
        passes: booklet.passes.map((p) => ({ barcode: p.barcode, faceValueCents: p.faceValueCents })),
        issuedAt: (order.issuedAt ?? booklet.createdAt).toISOString(),
      };
      const bytes = await renderBookletSheet(sheet);
      const passes = sheet.passes.map((p) => p.barcode);
      return {
        record: before,
        audit: { before: null, after: { bookletNumber: booklet.number, orderReference: order.reference, passCount: passes.length, firstBarcode: passes[0], lastBarcode: passes[passes.length - 1] } },
        // Nothing a list shows has changed: only the audit event goes out.
        change: null,
        file: { fileName: `carnet-${booklet.number}.pdf`, bytes },
      };
    });
    return file;
  }
}
