import type { Role } from '../generated/prisma/enums';

/** Who may confirm or refuse a change of bank details: the money side, never the requester. */
export const BANK_CHANGE_DECIDERS: readonly Role[] = ['ADMIN', 'FINANCE'];

export type BankChangeRefusal = { status: 403 | 409; message: string };

/**
 * Four eyes on bank details (issue 10): a change of IBAN/BIC/holder asked by one staff member is
 * confirmed or refused by a second one, ADMIN or FINANCE, not the same person. Null when allowed.
 * (FINANCE only reads structures in the role matrix: this rule is the permission of these two actions.)
 */
export function bankChangeDecisionRefusal(user: { id: string; role: Role }, change: { requestedById: string; status: string } | null): BankChangeRefusal | null {
  if (!BANK_CHANGE_DECIDERS.includes(user.role)) return { status: 403, message: 'Seuls un administrateur ou la finance confirment ou refusent un changement de coordonnées bancaires.' };
  if (!change || change.status !== 'PENDING') return { status: 409, message: "Aucun changement de coordonnées bancaires n'est en attente pour cette structure." };
  if (change.requestedById === user.id) return { status: 409, message: "Vous avez demandé ce changement de coordonnées bancaires : une autre personne (administrateur ou finance) doit le confirmer ou le refuser." };
  return null;
}

/** The bank fields of a structure an edit asks to change (empty when they are the same). */
export function bankFieldsChanged(
  current: { bankHolder: string; iban: string; bic: string },
  asked: { bankHolder?: string; iban?: string; bic?: string },
): boolean {
  return (asked.bankHolder !== undefined && asked.bankHolder !== current.bankHolder) || (asked.iban !== undefined && asked.iban !== current.iban) || (asked.bic !== undefined && asked.bic !== current.bic);
}
