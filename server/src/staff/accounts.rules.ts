import type { Role } from '../generated/prisma/enums';

export interface AccountChange {
  role?: Role;
  active?: boolean;
  /** A new password was given. */
  password?: boolean;
}

export interface Account {
  role: Role;
  active: boolean;
}

/** An ADMIN cannot lock themselves out: no deactivating their own account, no changing their own role. */
export function selfLockout(accountId: string, change: AccountChange, actor: { id: string; role: Role }): boolean {
  return accountId === actor.id && (change.active === false || (change.role !== undefined && change.role !== actor.role));
}

/** Deactivation, a new role or a new password end the account's sessions (and its live sockets). */
export function endsSessions(before: Account, change: AccountChange): boolean {
  return (change.active === false && before.active) || (change.role !== undefined && change.role !== before.role) || change.password === true;
}

/** The audit verb of an account change: deactivate, reactivate, or a plain update. */
export function accountAction(before: Account, change: AccountChange): 'deactivate' | 'reactivate' | 'update' {
  if (change.active === false && before.active) return 'deactivate';
  if (change.active === true && !before.active) return 'reactivate';
  return 'update';
}
