/** French words for the statuses quoted in error messages (the console shows messages as they come). */
const STATUS_LABELS: Record<string, string> = {
  // Applications
  SUBMITTED: 'déposée',
  IN_REVIEW: 'en instruction',
  ON_HOLD: 'en attente de réponse',
  APPROVED: 'approuvée',
  REJECTED: 'refusée',
  // Offers
  PENDING_REVIEW: 'à modérer',
  CHANGES_REQUESTED: 'modifications demandées',
  // Structures
  APPLICANT: 'candidate',
  ELIGIBLE: 'éligible',
  SUSPENDED: 'suspendue',
};

export function statusLabel(status: unknown): string {
  return STATUS_LABELS[String(status)] ?? String(status);
}
