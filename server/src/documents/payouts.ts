import { DateTime } from 'luxon';
import { Document as SepaDocument } from 'sepa';
import { BUSINESS_ZONE } from '../rules/dates';
import { csvDocument, euros } from './csv';

/**
 * A month's payout export (SPEC §3 "Statements and payouts"): the SEPA credit-transfer message
 * (ISO 20022 pain.001.001.09, built by the `sepa` library) and its CSV. Both are pure functions
 * of what the export froze (message id, creation time, debtor, execution date) and of the
 * payouts as exported (amount, bank details frozen then), so exporting again gives the same bytes.
 */
export const PAIN_FORMAT = 'pain.001.001.09';

export interface PayoutExportSnapshot {
  /** GrpHdr/MsgId: unique per export, ≤ 35 characters. */
  messageId: string;
  /** Paris wall-clock time of the export, "AAAA-MM-JJTHH:mm:ss" (GrpHdr/CreDtTm). */
  createdAt: string;
  /** Requested execution date, "AAAA-MM-JJ" (Paris). */
  executionDate: string;
  period: string;
  debtor: { name: string; iban: string; bic: string };
}

export interface ExportedPayout {
  endToEndId: string;
  amountCents: number;
  holder: string;
  iban: string;
  bic: string;
  statementNumber: string;
  structureName: string;
}

export interface WithheldPayout {
  structureName: string;
  statementNumber: string;
  amountCents: number;
  reason: string;
}

/**
 * Text in the SEPA character set (Latin letters, digits, / - ? : ( ) . , ' + and space), at
 * most `max` characters: accents are dropped, anything else becomes a space. Banks reject the rest.
 */
export function sepaText(value: string, max: number): string {
  const latin = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE');
  return latin.replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** The snapshot's Paris wall-clock instant as a Date whose *local* fields are those (the library writes local time). */
function wallClock(isoLocal: string): Date {
  const t = DateTime.fromISO(isoLocal, { zone: BUSINESS_ZONE });
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** What an export freezes, for a run exported at `at`. */
export function payoutExportSnapshot(period: string, at: Date, debtor: PayoutExportSnapshot['debtor']): PayoutExportSnapshot {
  const paris = DateTime.fromJSDate(at, { zone: BUSINESS_ZONE });
  return {
    messageId: `APTIC-${period}-${paris.toFormat('yyyyLLddHHmmss')}`,
    createdAt: paris.toFormat("yyyy-LL-dd'T'HH:mm:ss"),
    executionDate: paris.toISODate()!,
    period,
    debtor: { name: debtor.name, iban: debtor.iban, bic: debtor.bic },
  };
}

/** The pain.001 message: one payment block from the debtor, one transfer per exported payout. */
export function payoutsSepaXml(snapshot: PayoutExportSnapshot, payouts: readonly ExportedPayout[]): string {
  const doc = new SepaDocument(PAIN_FORMAT);
  doc.grpHdr.id = snapshot.messageId;
  doc.grpHdr.created = wallClock(snapshot.createdAt);
  doc.grpHdr.initiatorName = sepaText(snapshot.debtor.name, 70);

  const info = doc.createPaymentInfo();
  info.id = 'VIR'; // the library prefixes it with the message id (PmtInfId) and prefixes each InstrId with it: all within 35 characters
  info.method = 'TRF';
  info.requestedExecutionDate = wallClock(`${snapshot.executionDate}T12:00:00`);
  info.debtorName = sepaText(snapshot.debtor.name, 70);
  info.debtorIBAN = snapshot.debtor.iban;
  info.debtorBIC = snapshot.debtor.bic;
  for (const p of payouts) {
    const t = info.createTransaction();
    t.id = p.endToEndId;
    t.end2endId = p.endToEndId;
    t.amount = p.amountCents / 100;
    t.creditorName = sepaText(p.holder, 70);
    t.creditorIBAN = p.iban;
    t.creditorBIC = p.bic;
    t.remittanceInfo = sepaText(`Releve APTIC ${p.statementNumber} periode ${snapshot.period}`, 140);
    info.addTransaction(t);
  }
  doc.addPaymentInfo(info);
  doc.normalize();
  return doc.toString();
}

/** The same export as a spreadsheet: the transfers, then the withheld payouts and why. */
export function payoutsCsv(snapshot: PayoutExportSnapshot, payouts: readonly ExportedPayout[], withheld: readonly WithheldPayout[]): string {
  return csvDocument(
    ['Statut', 'Structure', 'Relevé', 'Titulaire', 'IBAN', 'BIC', 'Montant (€)', 'Référence de bout en bout', 'Message SEPA', 'Motif de retenue'],
    [
      ...payouts.map((p) => ['VIREMENT', p.structureName, p.statementNumber, p.holder, p.iban, p.bic, euros(p.amountCents), p.endToEndId, snapshot.messageId, '']),
      ...withheld.map((w) => ['RETENU', w.structureName, w.statementNumber, '', '', '', euros(w.amountCents), '', '', w.reason]),
    ],
  );
}
