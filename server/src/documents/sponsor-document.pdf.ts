import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { count, euros, frenchDate, GREY, head, issuerBlock, LINE, percent, renderPdf, right, tableLayout } from './pdf';
import type { SponsorDocumentKind, SponsorDocumentSnapshot } from './sponsor-documents';

/** French name of each kind: the document's title, and its file name ("facture-2026-000001.pdf"). */
export const SPONSOR_DOCUMENT_TITLES: Record<SponsorDocumentKind, { title: string; file: string }> = {
  SPONSOR_FEE_INVOICE: { title: 'Facture', file: 'facture' },
  SPONSOR_CREDIT_NOTE: { title: 'Avoir', file: 'avoir' },
};

function header(s: SponsorDocumentSnapshot): Content {
  const { title } = SPONSOR_DOCUMENT_TITLES[s.kind];
  return {
    columns: [
      { width: '*', stack: [issuerBlock(s.issuer)] },
      {
        width: 200,
        stack: [
          { text: title.toUpperCase(), fontSize: 20, bold: true, alignment: 'right' },
          { text: `N° ${s.number}`, fontSize: 12, bold: true, alignment: 'right', margin: [0, 2, 0, 0] },
          { text: `Date d’émission : ${frenchDate(s.issuedAt)}`, alignment: 'right', margin: [0, 4, 0, 0] },
        ],
      },
    ],
  };
}

function parties(s: SponsorDocumentSnapshot): Content {
  const sp = s.sponsor;
  const o = s.order;
  const orderLines: Content[] = [
    { text: 'Commande', bold: true, color: GREY, fontSize: 9 },
    { text: `Référence : ${o.reference}`, bold: true },
    { text: `Pass valables pour l’année ${o.validityYear}` },
  ];
  if (o.paymentOrderNumber) orderLines.push({ text: `N° d’ordre de paiement : ${o.paymentOrderNumber}` });
  return {
    margin: [0, 24, 0, 0],
    columns: [
      { width: '*', stack: orderLines },
      {
        width: 250,
        table: {
          widths: ['*'],
          body: [
            [
              {
                margin: [6, 4, 6, 4],
                stack: [
                  { text: 'Commanditaire', bold: true, color: GREY, fontSize: 9 },
                  { text: sp.name, bold: true, fontSize: 11 },
                  sp.addressLine,
                  `${sp.postalCode} ${sp.city}`,
                  `SIRET ${sp.siret}`,
                  { text: `À l’attention de ${sp.contactName} (${sp.contactEmail})`, fontSize: 9, color: GREY, margin: [0, 3, 0, 0] },
                ],
              },
            ],
          ],
        },
        layout: { hLineColor: () => LINE, vLineColor: () => LINE, hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      },
    ],
  };
}

function feeBody(s: SponsorDocumentSnapshot): Content[] {
  const o = s.order;
  const passes = o.bookletCount * o.passesPerBooklet;
  const feeTtc = o.upstreamFeeCents + o.vatCents;
  return [
    { text: 'Détail', style: 'section' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 60, 70, 80],
        body: [
          [head('Désignation'), head('Quantité', 'right'), head('Prix unitaire', 'right'), head('Montant', 'right')],
          [
            { stack: ['Pass #APTIC — valeur faciale', { text: `${count(o.bookletCount)} carnet(s) × ${o.passesPerBooklet} pass × ${euros(o.passValueCents)}`, fontSize: 8.5, color: GREY }] },
            right(count(passes)),
            right(euros(o.passValueCents)),
            right(euros(o.faceValueCents)),
          ],
          [
            { stack: ['Frais d’intermédiation amont', { text: `${percent(o.upstreamFeeRateBp)} HT de la valeur faciale`, fontSize: 8.5, color: GREY }] },
            right(''),
            right(''),
            right(euros(o.upstreamFeeCents)),
          ],
          [{ text: `TVA sur les frais (${percent(o.vatRateBp)})` }, right(''), right(''), right(euros(o.vatCents))],
        ],
      },
      layout: tableLayout,
    },
    {
      margin: [0, 14, 0, 0],
      columns: [
        { width: '*', text: '' },
        {
          width: 260,
          table: {
            widths: ['*', 90],
            body: [
              ['Valeur faciale des pass', right(euros(o.faceValueCents))],
              [`Frais d’intermédiation HT (${percent(o.upstreamFeeRateBp)})`, right(euros(o.upstreamFeeCents))],
              [`TVA sur les frais (${percent(o.vatRateBp)})`, right(euros(o.vatCents))],
              ['Frais TTC', right(euros(feeTtc))],
              [{ text: 'Total à payer', bold: true, fontSize: 12 }, right(euros(o.totalCents), { bold: true, fontSize: 12 })],
            ],
          },
          layout: { hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === node.table.body.length - 1 ? 1 : 0), vLineWidth: () => 0, paddingTop: () => 3, paddingBottom: () => 3 },
        },
      ],
    },
    {
      margin: [0, 18, 0, 0],
      fontSize: 8.5,
      color: GREY,
      stack: [
        'La TVA s’applique aux seuls frais d’intermédiation ; la valeur faciale des pass n’y est pas soumise.',
        `Les pass sont valables jusqu’au 31/12/${o.validityYear} et acceptés jusqu’au 31/01/${o.validityYear + 1}. Ils deviennent utilisables dès l’enregistrement du numéro d’ordre de paiement.`,
        `Les pass non utilisés à leur expiration sont crédités au commanditaire à leur valeur faciale (avoir).`,
      ],
    },
  ];
}

function creditBody(s: SponsorDocumentSnapshot): Content[] {
  const o = s.order;
  const c = s.credited ?? { expiredCount: 0, expiredCents: 0, cancelledCount: 0, cancelledCents: 0, totalCents: 0 };
  return [
    { text: 'Pass non utilisés crédités à leur valeur faciale', style: 'section' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 70, 90],
        body: [
          [head('Désignation'), head('Nombre', 'right'), head('Montant', 'right')],
          [{ stack: ['Pass expirés', { text: `non utilisés au 31/01/${o.validityYear + 1}`, fontSize: 8.5, color: GREY }] }, right(count(c.expiredCount)), right(euros(c.expiredCents))],
          [{ stack: ['Pass annulés', { text: 'carnets perdus ou volés, annulés après activation', fontSize: 8.5, color: GREY }] }, right(count(c.cancelledCount)), right(euros(c.cancelledCents))],
          [{ text: 'Total', bold: true }, right(count(c.expiredCount + c.cancelledCount), { bold: true }), right(euros(c.expiredCents + c.cancelledCents), { bold: true })],
        ],
      },
      layout: tableLayout,
    },
    {
      margin: [0, 14, 0, 0],
      columns: [
        { width: '*', text: '' },
        {
          width: 260,
          table: { widths: ['*', 90], body: [[{ text: 'Total crédité', bold: true, fontSize: 12 }, right(euros(c.totalCents), { bold: true, fontSize: 12 })]] },
          layout: { hLineWidth: (i: number) => (i === 0 ? 1 : 0), vLineWidth: () => 0, paddingTop: () => 3, paddingBottom: () => 3 },
        },
      ],
    },
    {
      margin: [0, 18, 0, 0],
      fontSize: 8.5,
      color: GREY,
      text: `Commande ${o.reference} : ${count(o.bookletCount * o.passesPerBooklet)} pass émis pour ${euros(o.faceValueCents)} de valeur faciale. Les pass sont crédités à leur seule valeur faciale, hors frais d’intermédiation.`,
    },
  ];
}

/** The definition of a sponsor document: a pure function of its frozen snapshot. */
export function sponsorDocumentDefinition(s: SponsorDocumentSnapshot): TDocumentDefinitions {
  const { title } = SPONSOR_DOCUMENT_TITLES[s.kind];
  return {
    info: { title: `${title} ${s.number}`, author: s.issuer.name, subject: `${title} ${s.number} — commande ${s.order.reference} — ${s.sponsor.name}` },
    pageMargins: [40, 40, 40, 50],
    styles: { section: { bold: true, fontSize: 11, margin: [0, 24, 0, 6] } },
    content: [header(s), parties(s), ...(s.kind === 'SPONSOR_FEE_INVOICE' ? feeBody(s) : creditBody(s))],
    footer: (page: number, pages: number) => ({
      margin: [40, 15, 40, 0],
      columns: [
        { text: `${s.issuer.name} — ${title} N° ${s.number}`, fontSize: 8, color: GREY },
        { text: `Page ${page}/${pages}`, fontSize: 8, color: GREY, alignment: 'right' },
      ],
    }),
  };
}

/** A sponsor document as PDF bytes: the same snapshot always gives the same bytes. */
export function renderSponsorDocument(snapshot: SponsorDocumentSnapshot): Promise<Buffer> {
  return renderPdf(sponsorDocumentDefinition(snapshot), new Date(snapshot.issuedAt));
}
