import type { Role, StructureStatus } from '../generated/prisma/enums';
import { isValidBic, isValidIban } from '../rules/bank';
import { isValidSiret } from '../rules/siret';
import { isHolderOrFree } from '../rules/workflows';

/** Structures already qualified (APTICulteurs): their SIRET does not qualify a second time. */
export const QUALIFIED: readonly StructureStatus[] = ['ELIGIBLE', 'SUSPENDED'];

/** SPEC §3: a SIRET qualifies once. A structure with this SIRET (if any) in this status may still become eligible. */
export function siretQualifiesOnce(existing: StructureStatus | null | undefined): boolean {
  return !existing || !QUALIFIED.includes(existing);
}

/**
 * Only the reviewer who claimed an application (or an ADMIN) decides it; an unclaimed one, anyone
 * who may write. The rule lives with the transition tables (holder-only actions), which the console reads too.
 */
export function mayDecide(assigneeId: string | null, user: { id: string; role: Role }): boolean {
  return isHolderOrFree(assigneeId, user);
}

export interface ApprovalInput {
  siret: string;
  iban: string;
  bic: string;
  score: number;
  scoreThreshold: number;
  /** The reviewer's justification, if any. */
  comment?: string | null;
  signedCharterVersion: number | null;
  charterInForceVersion: number | null;
}

export type ApprovalRefusal =
  | { code: 'CHARTER_OUTDATED'; signedVersion: number | null; currentVersion: number | null }
  | { code: 'INVALID_IDENTIFIERS'; problems: string[] }
  | { code: 'JUSTIFICATION_REQUIRED'; score: number; threshold: number };

/**
 * The preconditions of an approval (SPEC §3), in the order a reviewer fixes them: the charter in
 * force signed, a valid SIRET, IBAN and BIC, and a comment when the score is below the threshold.
 * Null when the application may be approved.
 */
export function approvalRefusal(a: ApprovalInput): ApprovalRefusal | null {
  if (a.charterInForceVersion === null || a.signedCharterVersion !== a.charterInForceVersion) {
    return { code: 'CHARTER_OUTDATED', signedVersion: a.signedCharterVersion, currentVersion: a.charterInForceVersion };
  }
  const problems: string[] = [];
  if (!isValidSiret(a.siret)) problems.push(`SIRET ${a.siret} invalide`);
  if (!isValidIban(a.iban)) problems.push('IBAN invalide');
  if (!isValidBic(a.bic)) problems.push('BIC invalide');
  if (problems.length) return { code: 'INVALID_IDENTIFIERS', problems };
  if (a.score < a.scoreThreshold && !a.comment) return { code: 'JUSTIFICATION_REQUIRED', score: a.score, threshold: a.scoreThreshold };
  return null;
}
