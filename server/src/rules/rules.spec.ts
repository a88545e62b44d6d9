import { isValidBic, isValidIban, normalizeIban } from './bank';
import { barcodeFromSerial, gs1CheckDigit, isValidBarcode, randomSerial } from './barcode';
import { formatEuros, percentOfCents } from './money';
import { isValidDepartement, isValidPostalCode } from './postal';
import { isValidSiren, isValidSiret, siretFor } from './siret';

describe('GS1 check digit and pass barcodes', () => {
  // Published EAN-13 codes with their check digits.
  it.each([
    ['400638133393', 1],
    ['978020137962', 4],
    ['590123412345', 7],
    ['200000000000', 8],
  ])('the check digit of %s is %i', (first12, digit) => {
    expect(gs1CheckDigit(first12)).toBe(digit);
  });

  it('builds a 13-digit barcode with prefix 2 that validates', () => {
    const code = barcodeFromSerial('12345678901');
    expect(code).toMatch(/^2\d{12}$/);
    expect(isValidBarcode(code)).toBe(true);
  });

  it('rejects a mistyped digit, a swapped pair, a wrong prefix and non-digits', () => {
    const code = barcodeFromSerial('12345678901');
    const typo = code.slice(0, 5) + ((Number(code[5]) + 1) % 10) + code.slice(6);
    expect(isValidBarcode(typo)).toBe(false);
    const swapped = code.slice(0, 3) + code[4] + code[3] + code.slice(5);
    if (code[3] !== code[4]) expect(isValidBarcode(swapped)).toBe(false);
    expect(isValidBarcode('4006381333931')).toBe(false); // valid EAN-13, but not restricted circulation
    expect(isValidBarcode('2000000000008 ')).toBe(false);
    expect(isValidBarcode(2000000000008)).toBe(false);
  });

  it('draws serials that are 11 digits and do not follow each other', () => {
    const serials = Array.from({ length: 200 }, () => randomSerial());
    expect(serials.every((s) => /^\d{11}$/.test(s))).toBe(true);
    expect(new Set(serials).size).toBe(200);
    const sorted = [...serials].sort();
    const consecutive = sorted.filter((s, i) => i > 0 && Number(s) - Number(sorted[i - 1]) === 1);
    expect(consecutive).toEqual([]);
  });
});

describe('percent fees on integer cents, rounded half-up', () => {
  it.each([
    [100_000, 400, 4_000], // 1,000.00 € × 4 % = 40.00 €
    [1_000, 400, 40],
    [12, 400, 0], // 0.48 cent → 0
    [13, 400, 1], // 0.52 cent → 1
    [1_234_5, 400, 494], // 493.8 → 494
    [62_5, 400, 25], // exactly 25
    [1_2_5, 400, 5], // 5.0
    [37, 400, 1], // 1.48 → 1
    [38, 400, 2], // 1.52 → 2
    [25, 200, 1], // 0.5 → 1 (half-up)
    [0, 400, 0],
    [-1_000, 400, -40],
    [-12_5, 400, -5],
  ])('%i cents at %i bp is %i cents', (amount, rate, fee) => {
    expect(percentOfCents(amount, rate)).toBe(fee);
  });

  it('refuses floats', () => {
    expect(() => percentOfCents(10.5, 400)).toThrow();
  });
});

describe('amounts in messages', () => {
  it.each([
    [0, '0,00 €'],
    [5, '0,05 €'],
    [1_000, '10,00 €'],
    [-900, '-9,00 €'],
    [123_456_789, '1\u202f234\u202f567,89 €'],
    [2_147_483_647, '21\u202f474\u202f836,47 €'],
  ])('%i cents reads %s', (cents, text) => {
    expect(formatEuros(cents)).toBe(text);
  });
});

describe('SIRET and SIREN', () => {
  it.each([
    ['73282932000074', true], // a published valid SIRET
    ['35600000000048', true], // La Poste head office
    ['35600000049837', true], // La Poste establishment: digit sum multiple of 5
    ['35600000049836', false],
    ['73282932000075', false],
    ['7328293200007', false],
    ['7328293200007A', false],
    ['', false],
  ])('%s is %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });

  it('refuses what is not a string', () => {
    expect(isValidSiret(73282932000074)).toBe(false);
    expect(isValidSiret(null)).toBe(false);
  });

  it('checks SIRENs and completes SIRETs', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(siretFor('732829320', 7)).toBe('73282932000074');
    expect(isValidSiret(siretFor('518654321'))).toBe(true);
  });
});

describe('IBAN and BIC (ibantools)', () => {
  it.each([
    ['GB82 WEST 1234 5698 7654 32', true], // ECBS published example
    ['DE89370400440532013000', true],
    ['FR7630006000011234567890189', true],
    ['fr76 3000 6000 0112 3456 7890 189', true], // spaces and case do not matter
    ['GB82WEST12345698765431', false], // one digit off
    ['FR763000600001123456789018', false], // too short for France
    ['XX00123', false],
    ['', false],
  ])('IBAN %s is %s', (iban, valid) => {
    expect(isValidIban(iban)).toBe(valid);
  });

  it('stores IBANs in electronic format', () => {
    expect(normalizeIban('fr76 3000 6000 0112 3456 7890 189')).toBe('FR7630006000011234567890189');
  });

  it.each([
    ['DEUTDEFF', true],
    ['NEDSZAJJXXX', true],
    ['BNPAFRPPXXX', true],
    ['DEUTDEF', false],
    ['DEUT1EFF', false],
    ['deutdeff', false],
  ])('BIC %s is %s', (bic, valid) => {
    expect(isValidBic(bic)).toBe(valid);
  });
});

describe('postal code and département (shared with the console)', () => {
  it.each(['33000', '75001', '97400', ' 33 000 '])('accepts the postal code %j', (code) => expect(isValidPostalCode(code)).toBe(true));
  it.each(['3300', '330000', '33A00', '', 33000, null])('refuses the postal code %j', (code) => expect(isValidPostalCode(code)).toBe(false));
  // Etalab's split: the départements, and the overseas collectivities with a postal code (975, 977, 978).
  it.each(['01', '2A', '2B', '33', '95', '971', '976', '977'])('accepts the département %j', (code) => expect(isValidDepartement(code)).toBe(true));
  it.each(['00', '20', '96', '979', '999', '2C', '', 33])('refuses the département %j', (code) => expect(isValidDepartement(code)).toBe(false));
});
