import { createHash, randomBytes } from 'node:crypto';

/** A random opaque token with a readable prefix; only its SHA-256 is ever stored. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
