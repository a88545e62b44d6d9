import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import type { Period } from '../endorsement/period';
import { csvDocument, euros as csvEuros } from './csv';
import { count, euros, frenchDate, GREY, head, issuerBlock, renderPdf, right, tableLayout } from './pdf';
import type { IssuerIdentity } from './sponsor-documents';

/**
 * A sponsor's monthly redemption report (SPEC §3 "Statements and payouts": sponsors get a
 * monthly redemption report): its passes redeemed in a Paris month, by structure and service,
 * as a PDF and a CSV. Read from the accepted, non-voided scans of the passes of its orders,
 * aggregated in the database (one row per structure and service, never a row per pass).
 */
export interface SponsorReportRow {
  structureName: string;
  city: string;
  serviceLabel: string;
  passCount: number;
  valueCents: number;
}

export interface SponsorReport {
  sponsor: { name: string; siret: string; addressLine: string; postalCode: string; city: string };
  issuer: IssuerIdentity;
  period: string;
  periodStart: string;
  periodEnd: string;
  generatedAt: string;
  rows: SponsorReportRow[];
  totals: { passCount: number; valueCents: number; structureCount: number };
}

export async function sponsorReport(db: PrismaClient | Prisma.TransactionClient, sponsorId: string, period: Period, issuer: IssuerIdentity, now: Date): Promise<SponsorReport | null> {
  const sponsor = await db.sponsor.findUnique({ where: { id: sponsorId }, select: { name: true, siret: true, addressLine: true, postalCode: true, city: true } });
  if (!sponsor) return null;
  const rows = await db.$queryRaw<{ structureName: string; city: string; serviceLabel: string | null; passCount: number; valueCents: bigint }[]>`
    SELECT s.name AS "structureName", s.city, rs.label AS "serviceLabel", count(*)::int AS "passCount", sum(sc."valueCents") AS "valueCents"
      FROM "Scan" sc
      JOIN "Pass" p ON p.id = sc."passId"
      JOIN "Order" o ON o.id = p."orderId"
      JOIN "Structure" s ON s.id = sc."structureId"
      LEFT JOIN "Offer" f ON f.id = sc."offerId"
      LEFT JOIN "ReferentialService" rs ON rs.id = f."serviceId"
     WHERE o."sponsorId" = ${sponsorId} AND sc.outcome = 'ACCEPTED' AND sc."voidedAt" IS NULL
       AND sc."scannedAt" >= ${period.periodStart} AND sc."scannedAt" < ${period.periodEnd}
     GROUP BY s.name, s.city, rs.label
     ORDER BY s.name, s.city, rs.label NULLS LAST`;
  const list = rows.map((r) => ({ structureName: r.structureName, city: r.city, serviceLabel: r.serviceLabel ?? 'Service retiré du référentiel', passCount: r.passCount, valueCents: Number(r.valueCents) }));
  return {
    sponsor,
    issuer,
    period: period.period,
    periodStart: period.periodStart.toISOString(),
    periodEnd: period.periodEnd.toISOString(),
    generatedAt: now.toISOString(),
    rows: list,
    totals: {
      passCount: list.reduce((n, r) => n + r.passCount, 0),
      valueCents: list.reduce((n, r) => n + r.valueCents, 0),
      structureCount: new Set(list.map((r) => `${r.structureName}\u0000${r.city}`)).size,
    },
  };
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const monthName = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;

function reportTable(r: SponsorReport): TDocumentDefinitions['content'] {
  if (r.rows.length === 0) return { text: 'Aucun pass de vos commandes n’a été utilisé ce mois-ci.', italics: true, margin: [0, 16, 0, 0] };
  const body: TableCell[][] = [[head('Structure'), head('Service'), head('Pass', 'right'), head('Valeur', 'right')]];
  let current = '';
  for (const row of r.rows) {
    const structure = `${row.structureName} (${row.city})`;
    body.push([structure === current ? '' : { text: structure, bold: true }, row.serviceLabel, right(count(row.passCount)), right(euros(row.valueCents))]);
    current = structure;
  }
  body.push([{ text: 'Total', bold: true }, '', right(count(r.totals.passCount), { bold: true }), right(euros(r.totals.valueCents), { bold: true })]);
  return { margin: [0, 16, 0, 0], table: { headerRows: 1, widths: ['*', '*', 50, 70], body }, layout: tableLayout };
}

export function sponsorReportDefinition(r: SponsorReport): TDocumentDefinitions {
  return {
    info: { title: `Rapport d’utilisation ${r.period}`, subject: `Pass #APTIC utilisés — ${r.sponsor.name} — ${r.period}` },
    pageMargins: [40, 40, 40, 50],
    footer: (page, pages) => ({ text: `Rapport d’utilisation ${r.period} — ${r.sponsor.name} — page ${page} / ${pages}`, alignment: 'center', fontSize: 8, color: GREY, margin: [0, 20, 0, 0] }),
    content: [
      {
        columns: [
          { width: '*', stack: [issuerBlock(r.issuer)] },
          {
            width: 240,
            stack: [
              { text: 'RAPPORT D’UTILISATION', fontSize: 16, bold: true, alignment: 'right' },
              { text: `Pass utilisés en ${monthName(r.period)}`, alignment: 'right', margin: [0, 4, 0, 0] },
              { text: `Édité le ${frenchDate(r.generatedAt)}`, alignment: 'right' },
            ],
          },
        ],
      },
      {
        margin: [0, 20, 0, 0],
        stack: [
          { text: 'Commanditaire', bold: true, color: GREY, fontSize: 9 },
          { text: r.sponsor.name, bold: true, fontSize: 11 },
          r.sponsor.addressLine,
          `${r.sponsor.postalCode} ${r.sponsor.city}`,
          `SIRET ${r.sponsor.siret}`,
        ],
      },
      {
        margin: [0, 14, 0, 0],
        text: [
          { text: `${count(r.totals.passCount)} pass`, bold: true },
          ` de vos commandes ont été utilisés dans `,
          { text: `${count(r.totals.structureCount)} structure${r.totals.structureCount > 1 ? 's' : ''}`, bold: true },
          ', pour une valeur de ',
          { text: euros(r.totals.valueCents), bold: true },
          '.',
        ],
      },
      reportTable(r),
      {
        margin: [0, 16, 0, 0],
        fontSize: 8,
        color: GREY,
        text: `Passages acceptés du ${frenchDate(r.periodStart)} au ${frenchDate(new Date(Date.parse(r.periodEnd) - 1).toISOString())} (heure de Paris), hors passages annulés. Pour toute question : ${r.issuer.email ?? r.issuer.name}.`,
      },
    ],
  };
}

export const renderSponsorReport = (r: SponsorReport): Promise<Buffer> => renderPdf(sponsorReportDefinition(r), new Date(r.generatedAt));

export function sponsorReportCsv(r: SponsorReport): string {
  return csvDocument(
    ['Mois', 'Structure', 'Commune', 'Service', 'Pass utilisés', 'Valeur (€)'],
    r.rows.map((row) => [r.period, row.structureName, row.city, row.serviceLabel, row.passCount, csvEuros(row.valueCents)]),
  );
}
