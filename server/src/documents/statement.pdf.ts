import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DateTime } from 'luxon';
import { BUSINESS_ZONE } from '../rules/dates';
import { count, euros, frenchDate, GREY, head, issuerBlock, LINE, percent, renderPdf, right, tableLayout } from './pdf';
import type { IssuerIdentity } from './sponsor-documents';

/** What a statement says, frozen when its month is closed (Statement.snapshot). */
export interface StatementSnapshot {
  number: string;
  issuedAt: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  issuer: IssuerIdentity;
  structure: { name: string; siret: string; addressLine: string; postalCode: string; city: string; bankHolder: string; ibanMasked: string; bic: string };
  totals: { passCount: number; grossCents: number; feeRateBp: number; feeCents: number; subscriptionCents: number; adjustmentsCents: number; carriedCents: number; netCents: number; payableCents: number };
  /** The adjustments the statement deducts (a voided scan already paid), with their reasons; absent when none. */
  adjustments?: { reason: string; amountCents: number }[];
}

/** One line of the statement (StatementLine, unchanged once closed). */
export interface StatementPdfLine {
  barcode: string;
  scannedAt: string;
  serviceLabel: string;
  valueCents: number;
  /** Redeemed by staff for a pass wrongly refused (dispute outcome FORCE_REDEEM); absent otherwise. */
  forced?: true;
}

const monthName = (period: string) => DateTime.fromISO(`${period}-01`, { zone: BUSINESS_ZONE }).setLocale('fr').toFormat('LLLL yyyy');
const dateTime = (iso: string) => DateTime.fromISO(iso, { zone: BUSINESS_ZONE }).toFormat('dd/MM/yyyy HH:mm');

/** The totals as SPEC §3 lists them: gross, downstream fee, kit fees, adjustments, carried balance, net, what is transferred. */
function totals(s: StatementSnapshot): Content {
  const t = s.totals;
  const row = (label: string, cents: number, bold = false): TableCell[] => [{ text: label, bold }, right(euros(cents), { bold })];
  const body: TableCell[][] = [
    row(`Valeur des ${count(t.passCount)} pass endossés (brut)`, t.grossCents),
    row(`Frais de service aval (${percent(t.feeRateBp)} du brut)`, -t.feeCents),
    row('Abonnement au kit dû ce mois', -t.subscriptionCents),
  ];
  if (t.adjustmentsCents !== 0) body.push(row('Régularisations', -t.adjustmentsCents));
  for (const a of s.adjustments ?? []) body.push([{ text: `    ${a.reason}`, fontSize: 8, color: GREY }, right(euros(-a.amountCents), { fontSize: 8, color: GREY })]);
  if (t.carriedCents !== 0) body.push(row('Solde négatif reporté des relevés précédents', t.carriedCents));
  body.push(row('Net du mois', t.netCents, true));
  body.push(row(t.netCents > 0 ? 'Montant versé par virement' : 'Montant versé (solde négatif reporté au mois suivant)', t.payableCents, true));
  return { margin: [0, 16, 0, 0], table: { widths: ['*', 110], body }, layout: { ...tableLayout, fillColor: () => null } };
}

/** The lines by service, then by date, each service with its subtotal. */
function lines(list: StatementPdfLine[]): Content {
  const byService = new Map<string, StatementPdfLine[]>();
  for (const l of [...list].sort((a, b) => (a.serviceLabel === b.serviceLabel ? a.scannedAt.localeCompare(b.scannedAt) || a.barcode.localeCompare(b.barcode) : a.serviceLabel.localeCompare(b.serviceLabel, 'fr')))) {
    byService.set(l.serviceLabel, [...(byService.get(l.serviceLabel) ?? []), l]);
  }
  const body: TableCell[][] = [[head('Code-barres du pass'), head('Scanné le'), head('Valeur', 'right')]];
  for (const [service, rows] of byService) {
    body.push([{ text: service || 'Service non précisé', bold: true, colSpan: 2, margin: [0, 4, 0, 0] }, {}, right(euros(rows.reduce((sum, r) => sum + r.valueCents, 0)), { bold: true, margin: [0, 4, 0, 0] })]);
    for (const r of rows) {
      const barcode = { text: r.barcode, font: 'Roboto', characterSpacing: 0.5 };
      // A staff redemption says so on the statement, as everywhere it appears.
      body.push([r.forced ? { stack: [barcode, { text: 'Encaissé par l’équipe #APTIC (litige)', fontSize: 7, color: GREY }] } : barcode, dateTime(r.scannedAt), right(euros(r.valueCents))]);
    }
  }
  return { margin: [0, 18, 0, 0], table: { headerRows: 1, widths: ['*', 110, 80], body }, layout: tableLayout, fontSize: 9 };
}

/**
 * A structure's monthly statement (SPEC §3 "Statements and payouts"): issuer identity, structure
 * name, SIRET, address, masked IBAN, period, number and date, totals, lines by service and date.
 * A pure function of the frozen snapshot and the statement's lines: the same bytes every time.
 */
/** Where the statement's transfer stands (its payout), or null when none was made yet. */
export interface StatementPayment {
  status: string;
  paidAt: string | null;
  withheldReason: string | null;
}

function paymentSentence(s: StatementSnapshot, payout: StatementPayment | null): string {
  if (s.totals.payableCents === 0) return 'Aucun virement ce mois : le solde négatif est reporté sur le prochain relevé.';
  if (payout?.status === 'PAID' && payout.paidAt) return `Virement exécuté le ${frenchDate(payout.paidAt)}.`;
  if (payout?.status === 'WITHHELD') return `Virement suspendu. ${payout.withheldReason ?? ''} Le montant sera reporté sur le prochain relevé.`;
  if (payout?.status === 'RETURNED') return 'Virement retourné par la banque : le montant sera reporté sur le prochain relevé.';
  return 'Virement SEPA sur le compte ci-dessus, à l’export des paiements du mois.';
}

export function statementDefinition(s: StatementSnapshot, list: StatementPdfLine[], payout: StatementPayment | null): TDocumentDefinitions {
  const st = s.structure;
  const payment = paymentSentence(s, payout);
  return {
    info: { title: `Relevé ${s.number}`, subject: `Relevé mensuel des pass #APTIC — ${st.name} — ${s.period}` },
    pageMargins: [40, 40, 40, 50],
    footer: (page, pages) => ({ text: `Relevé ${s.number} — page ${page} / ${pages}`, alignment: 'center', fontSize: 8, color: GREY, margin: [0, 20, 0, 0] }),
    content: [
      {
        columns: [
          { width: '*', stack: [issuerBlock(s.issuer)] },
          {
            width: 220,
            stack: [
              { text: 'RELEVÉ MENSUEL', fontSize: 18, bold: true, alignment: 'right' },
              { text: `N° ${s.number}`, fontSize: 12, bold: true, alignment: 'right', margin: [0, 2, 0, 0] },
              { text: `Période : ${monthName(s.period)}`, alignment: 'right', margin: [0, 4, 0, 0] },
              { text: `Date d’émission : ${frenchDate(s.issuedAt)}`, alignment: 'right' },
            ],
          },
        ],
      },
      {
        margin: [0, 20, 0, 0],
        table: {
          widths: ['*'],
          body: [
            [
              {
                margin: [6, 4, 6, 4],
                stack: [
                  { text: 'Structure (APTICulteur)', bold: true, color: GREY, fontSize: 9 },
                  { text: st.name, bold: true, fontSize: 11 },
                  st.addressLine,
                  `${st.postalCode} ${st.city}`,
                  `SIRET ${st.siret}`,
                  { text: `Compte de versement : ${st.bankHolder} — IBAN ${st.ibanMasked} — BIC ${st.bic}`, fontSize: 9, margin: [0, 3, 0, 0] },
                ],
              },
            ],
          ],
        },
        layout: { hLineColor: () => LINE, vLineColor: () => LINE, hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      },
      totals(s),
      { text: payment, margin: [0, 8, 0, 0], fontSize: 9 },
      lines(list),
      {
        margin: [0, 16, 0, 0],
        fontSize: 8,
        color: GREY,
        text: `Pass #APTIC endossés du ${frenchDate(s.periodStart)} au ${frenchDate(new Date(Date.parse(s.periodEnd) - 1).toISOString())} (heure de Paris). Les frais de service et l’abonnement au kit sont retenus sur le montant versé. Pour toute question : ${s.issuer.email ?? s.issuer.name}.`,
      },
    ],
  };
}

export function renderStatement(s: StatementSnapshot, list: StatementPdfLine[], payout: StatementPayment | null): Promise<Buffer> {
  return renderPdf(statementDefinition(s, list, payout), new Date(s.issuedAt));
}
