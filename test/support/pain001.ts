import { XMLParser } from 'fast-xml-parser';
import { isValidBic, isValidIban } from '../../server/src/rules/bank';

/**
 * The rules of an ISO 20022 pain.001.001.09 credit-transfer initiation, checked on a message
 * parsed back with fast-xml-parser. The XSD cannot be downloaded on these machines (and a copy
 * from a public repository is not ours to ship), so this is what "validates" means in our tests:
 * the namespace; the required elements of GrpHdr, PmtInf and CdtTrfTxInf present and in the
 * schema's order; NbOfTxs and CtrlSum equal to the transfers (at both levels); ids of at most 35
 * characters from the SEPA set; names of at most 70; amounts with two decimals, positive, at
 * most 999999999.99; EUR; valid IBANs and BICs; ids unique. Returns the problems (none = valid)
 * and the transfers read back, amounts in cents.
 */
export interface ParsedTransfer {
  endToEndId: string;
  instructionId: string;
  amountCents: number;
  creditorName: string;
  iban: string;
  bic: string;
  remittance: string;
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';
const ID = /^([A-Za-z0-9]|[+|?/\-:(). ,']){1,35}$/;
const TEXT = /^[A-Za-z0-9/\-?:().,'+ ]*$/;
const AMOUNT = /^\d{1,9}\.\d{2}$/;

const order = (node: Record<string, unknown>) => Object.keys(node).filter((k) => !k.startsWith('@_') && k !== '#text');
const cents = (amount: string) => Number(amount.replace('.', ''));

function inOrder(where: string, node: Record<string, unknown>, expected: string[], problems: string[]) {
  const present = order(node).filter((k) => expected.includes(k));
  for (const k of expected) if (!(k in node)) problems.push(`${where}: ${k} manquant`);
  const wanted = expected.filter((k) => k in node);
  if (present.join(',') !== wanted.join(',')) problems.push(`${where}: ordre ${present.join(',')} au lieu de ${wanted.join(',')}`);
}

export function checkPain001(xml: string): { problems: string[]; messageId: string; controlSumCents: number; transfers: ParsedTransfer[] } {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) problems.push('déclaration XML UTF-8 absente');
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'CdtTrfTxInf' || name === 'PmtInf' });
  const doc = parser.parse(xml) as Record<string, any>;
  const root = doc.Document;
  if (!root) return { problems: ['élément Document absent'], messageId: '', controlSumCents: 0, transfers: [] };
  if (root['@_xmlns'] !== NAMESPACE) problems.push(`espace de noms ${root['@_xmlns']} au lieu de ${NAMESPACE}`);
  const init = root.CstmrCdtTrfInitn;
  if (!init) return { problems: [...problems, 'CstmrCdtTrfInitn absent'], messageId: '', controlSumCents: 0, transfers: [] };
  inOrder('Document/CstmrCdtTrfInitn', init, ['GrpHdr', 'PmtInf'], problems);
  const hdr = init.GrpHdr;
  inOrder('GrpHdr', hdr, ['MsgId', 'CreDtTm', 'NbOfTxs', 'CtrlSum', 'InitgPty'], problems);
  if (!ID.test(hdr.MsgId)) problems.push(`MsgId ${hdr.MsgId} hors du jeu SEPA ou > 35 caractères`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(hdr.CreDtTm)) problems.push(`CreDtTm ${hdr.CreDtTm} n’est pas une date-heure ISO`);
  if (!TEXT.test(hdr.InitgPty?.Nm ?? '') || (hdr.InitgPty?.Nm ?? '').length > 70) problems.push('InitgPty/Nm invalide');

  const transfers: ParsedTransfer[] = [];
  let blockSum = 0;
  let blockCount = 0;
  for (const [i, pmt] of (init.PmtInf as Record<string, any>[]).entries()) {
    const where = `PmtInf[${i}]`;
    inOrder(where, pmt, ['PmtInfId', 'PmtMtd', 'NbOfTxs', 'CtrlSum', 'ReqdExctnDt', 'Dbtr', 'DbtrAcct', 'DbtrAgt', 'ChrgBr', 'CdtTrfTxInf'], problems);
    if (pmt.PmtMtd !== 'TRF') problems.push(`${where}: PmtMtd ${pmt.PmtMtd} au lieu de TRF`);
    if (!ID.test(pmt.PmtInfId)) problems.push(`${where}: PmtInfId invalide`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pmt.ReqdExctnDt?.Dt ?? '')) problems.push(`${where}: ReqdExctnDt/Dt absent (format .09)`);
    if (!isValidIban(pmt.DbtrAcct?.Id?.IBAN)) problems.push(`${where}: IBAN du débiteur invalide`);
    if (!isValidBic(pmt.DbtrAgt?.FinInstnId?.BICFI)) problems.push(`${where}: BICFI du débiteur invalide`);
    if (!TEXT.test(pmt.Dbtr?.Nm ?? '') || (pmt.Dbtr?.Nm ?? '').length > 70) problems.push(`${where}: Dbtr/Nm invalide`);
    const txs = pmt.CdtTrfTxInf as Record<string, any>[];
    let sum = 0;
    for (const [j, tx] of txs.entries()) {
      const at = `${where}/CdtTrfTxInf[${j}]`;
      inOrder(at, tx, ['PmtId', 'Amt', 'CdtrAgt', 'Cdtr', 'CdtrAcct', 'RmtInf'], problems);
      const amount = tx.Amt?.InstdAmt;
      const value = typeof amount === 'object' ? amount['#text'] : amount;
      if (typeof amount !== 'object' || amount['@_Ccy'] !== 'EUR') problems.push(`${at}: devise autre que EUR`);
      if (!AMOUNT.test(String(value)) || cents(String(value)) <= 0) problems.push(`${at}: montant ${value} invalide`);
      for (const id of [tx.PmtId?.InstrId, tx.PmtId?.EndToEndId]) if (!ID.test(String(id))) problems.push(`${at}: identifiant ${id} invalide`);
      const name = String(tx.Cdtr?.Nm ?? '');
      if (!name || name.length > 70 || !TEXT.test(name)) problems.push(`${at}: nom du créancier ${name} invalide`);
      if (!isValidIban(tx.CdtrAcct?.Id?.IBAN)) problems.push(`${at}: IBAN ${tx.CdtrAcct?.Id?.IBAN} invalide`);
      if (!isValidBic(tx.CdtrAgt?.FinInstnId?.BICFI)) problems.push(`${at}: BICFI invalide`);
      const remittance = String(tx.RmtInf?.Ustrd ?? '');
      if (remittance.length > 140 || !TEXT.test(remittance)) problems.push(`${at}: RmtInf/Ustrd invalide`);
      sum += cents(String(value));
      transfers.push({ endToEndId: String(tx.PmtId?.EndToEndId), instructionId: String(tx.PmtId?.InstrId), amountCents: cents(String(value)), creditorName: name, iban: tx.CdtrAcct?.Id?.IBAN, bic: tx.CdtrAgt?.FinInstnId?.BICFI, remittance });
    }
    if (Number(pmt.NbOfTxs) !== txs.length) problems.push(`${where}: NbOfTxs ${pmt.NbOfTxs} pour ${txs.length} virements`);
    if (!AMOUNT.test(pmt.CtrlSum) || cents(pmt.CtrlSum) !== sum) problems.push(`${where}: CtrlSum ${pmt.CtrlSum} pour ${sum} centimes`);
    blockSum += sum;
    blockCount += txs.length;
  }
  if (Number(hdr.NbOfTxs) !== blockCount) problems.push(`GrpHdr: NbOfTxs ${hdr.NbOfTxs} pour ${blockCount} virements`);
  if (!AMOUNT.test(hdr.CtrlSum) || cents(hdr.CtrlSum) !== blockSum) problems.push(`GrpHdr: CtrlSum ${hdr.CtrlSum} pour ${blockSum} centimes`);
  const ids = transfers.map((t) => t.endToEndId);
  if (new Set(ids).size !== ids.length) problems.push('EndToEndId en double');
  const instr = transfers.map((t) => t.instructionId);
  if (new Set(instr).size !== instr.length) problems.push('InstrId en double');
  return { problems, messageId: String(hdr.MsgId), controlSumCents: cents(String(hdr.CtrlSum)), transfers };
}
