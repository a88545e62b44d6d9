/** Fields never copied into the audit log or sent to a client. */
export const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'keyHash', 'replyTokenHash']);

/** "FR76 3000 6000 0112 3456 7890 189" → "FR76 •••• •••• •••• •••• •••• 189": country, check digits and last 3 kept. */
export function maskIban(iban: unknown): unknown {
  if (typeof iban !== 'string' || iban.length < 8) return iban;
  const compact = iban.replace(/\s+/g, '');
  const hidden = compact.slice(4, -3).replace(/./g, '•');
  return `${compact.slice(0, 4)}${hidden}${compact.slice(-3)}`.replace(/(.{4})/g, '$1 ').trim();
}
