import { randomBytes } from 'node:crypto';
import { Prisma } from '../generated/prisma/client';
import { hashToken } from '../auth/tokens';

export interface IssuedKey {
  /** The full key: shown once, never stored. */
  key: string;
  prefix: string;
  id: string;
}

/** A partner API key: "apk_<prefix>_<secret>"; only its SHA-256 and its prefix are stored. */
export async function issuePartnerKey(tx: Prisma.TransactionClient, structureId: string, createdById: string | null): Promise<IssuedKey> {
  const prefix = randomBytes(5).toString('hex');
  const key = `apk_${prefix}_${randomBytes(32).toString('base64url')}`;
  const row = await tx.partnerApiKey.create({ data: { structureId, prefix, keyHash: hashToken(key), createdById } });
  return { key, prefix, id: row.id };
}
