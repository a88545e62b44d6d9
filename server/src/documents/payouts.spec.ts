import { checkPain001 } from '../../../test/support/pain001';
import { payoutExportSnapshot, payoutsCsv, payoutsSepaXml, sepaText, type ExportedPayout } from './payouts';

const debtor = { name: 'Association #APTIC', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' };
// 00:30 on 1 December in Paris is still 30 November in UTC: the message says Paris time.
const snapshot = payoutExportSnapshot('2026-11', new Date('2026-11-30T23:30:00Z'), debtor);
const payouts: ExportedPayout[] = [
  { endToEndId: 'APTIC-2026-000001', amountCents: 12_880, holder: 'Médiathèque « Les Lilas »', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLIL', statementNumber: '2026-000001', structureName: 'Médiathèque Les Lilas' },
  { endToEndId: 'APTIC-2026-000002', amountCents: 1, holder: '=HYPERLINK("x")', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', statementNumber: '2026-000002', structureName: '=HYPERLINK("x")' },
  { endToEndId: 'APTIC-2026-000003', amountCents: 10, holder: 'Espace numérique', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', statementNumber: '2026-000003', structureName: 'Espace numérique' },
];

describe('the SEPA credit-transfer message (pain.001.001.09)', () => {
  it('follows the rules of pain.001: order of elements, ids, names, IBAN/BIC, counts and control sums', () => {
    const xml = payoutsSepaXml(snapshot, payouts);
    const parsed = checkPain001(xml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.controlSumCents).toBe(12_880 + 1 + 10);
    expect(parsed.transfers.map((t) => [t.endToEndId, t.amountCents, t.iban])).toEqual(payouts.map((p) => [p.endToEndId, p.amountCents, p.iban]));
    expect(parsed.transfers[0].creditorName).toBe('Mediatheque Les Lilas');
    expect(xml).toContain('<CreDtTm>2026-12-01T00:30:00</CreDtTm>');
    expect(xml).toContain('<ReqdExctnDt><Dt>2026-12-01</Dt></ReqdExctnDt>');
  });

  it('is the same bytes every time it is rendered from the same export', () => {
    expect(payoutsSepaXml(snapshot, payouts)).toBe(payoutsSepaXml(JSON.parse(JSON.stringify(snapshot)), payouts.map((p) => ({ ...p }))));
  });

  it('counts a thousand transfers of every cent value without a float error in the control sum', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...payouts[0], endToEndId: `APTIC-2026-${String(i + 1).padStart(6, '0')}`, amountCents: 1 + i * 7919 }));
    const parsed = checkPain001(payoutsSepaXml(snapshot, many));
    expect(parsed.problems).toEqual([]);
    expect(parsed.controlSumCents).toBe(many.reduce((s, p) => s + p.amountCents, 0));
  });

  it('the checker notices a wrong control sum and a missing element', () => {
    const xml = payoutsSepaXml(snapshot, payouts);
    expect(checkPain001(xml.replace('<CtrlSum>128.91</CtrlSum>', '<CtrlSum>128.90</CtrlSum>')).problems.join()).toMatch(/CtrlSum/);
    expect(checkPain001(xml.replace(/<ChrgBr>SLEV<\/ChrgBr>/, '')).problems.join()).toMatch(/ChrgBr manquant/);
  });
});

describe('SEPA text', () => {
  it('drops accents and characters banks refuse, and cuts at the limit', () => {
    expect(sepaText('Tiers-lieu « L’Établi » & Cie', 70)).toBe("Tiers-lieu L'Etabli Cie");
    expect(sepaText('x'.repeat(80), 70)).toHaveLength(70);
    expect(sepaText('Cœur de ville', 70)).toBe('Coeur de ville');
  });
});

describe('the payouts CSV', () => {
  it('lists transfers then withheld payouts with their reason, French decimals, formulas written as text', () => {
    const csv = payoutsCsv(snapshot, payouts, [{ structureName: 'Sans RIB', statementNumber: '2026-000004', amountCents: 4_500, reason: 'IBAN absent' }]);
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Statut;Structure;Relevé;Titulaire;IBAN;BIC;Montant (€);Référence de bout en bout;Message SEPA;Motif de retenue');
    expect(lines[1]).toContain(';128,80;APTIC-2026-000001;');
    expect(lines[2]).toContain("'=HYPERLINK");
    expect(lines[2]).toContain(';0,01;');
    expect(lines[4]).toBe('RETENU;Sans RIB;2026-000004;;;;45,00;;;IBAN absent');
  });
});
