import { OfferFlag, OfferStatus } from '../generated/prisma/enums';
import { PASS_VALUE_CENTS } from '../rules/money';

export interface OfferCheckInput {
  priceCents: number;
  recommendedPriceCents: number;
  /** The referential service and its category are both active. */
  referentialActive: boolean;
  /** Another live offer (not rejected) of the same structure uses the same referential service. */
  duplicateOfferExists: boolean;
  /** The structure is itself under review (charter re-signature pending, open dispute). */
  structureUnderReview: boolean;
}

/** Why each flag is raised, in words a reviewer and a structure understand. */
export const FLAG_EXPLANATIONS: Record<OfferFlag, string> = {
  PRICE_ABOVE_RECOMMENDED: 'Prix au-dessus du prix régulé : reste à charge pour le bénéficiaire.',
  PRICE_NOT_MULTIPLE_OF_PASS: 'Prix qui n’est pas un multiple de la valeur d’un pass (10 €) : le bénéficiaire ne peut pas payer avec des pass seulement.',
  REFERENTIAL_INACTIVE: 'Le service du référentiel national choisi n’est plus actif.',
  DUPLICATE_OFFER: 'La structure propose déjà une offre sur ce service du référentiel.',
  NEEDS_MANUAL_REVIEW: 'La structure est elle-même en cours de revue (charte à re-signer ou litige ouvert).',
};

/** The automatic checks of SPEC §3 "Catalogue moderation": no flag = approved automatically. */
export function checkOffer(input: OfferCheckInput): OfferFlag[] {
  const flags: OfferFlag[] = [];
  if (input.priceCents > input.recommendedPriceCents) flags.push('PRICE_ABOVE_RECOMMENDED');
  if (input.priceCents % PASS_VALUE_CENTS !== 0) flags.push('PRICE_NOT_MULTIPLE_OF_PASS');
  if (!input.referentialActive) flags.push('REFERENTIAL_INACTIVE');
  if (input.duplicateOfferExists) flags.push('DUPLICATE_OFFER');
  if (input.structureUnderReview) flags.push('NEEDS_MANUAL_REVIEW');
  return flags;
}

export interface BeneficiaryImpact {
  /** Price minus the recommended (regulated) price. */
  priceDifferenceCents: number;
  /** Passes a beneficiary hands over for this service (at most ceil(price / pass value)). */
  passesNeeded: number;
  /** Paid by the beneficiary when using only whole passes below the price. */
  remainingChargeCents: number;
  summary: string;
}

const euros = (cents: number) => (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });

/** What the price means for a beneficiary, for the moderation view. */
export function beneficiaryImpact(priceCents: number, recommendedPriceCents: number): BeneficiaryImpact {
  const fullPasses = Math.floor(priceCents / PASS_VALUE_CENTS);
  const remainder = priceCents - fullPasses * PASS_VALUE_CENTS;
  const passesNeeded = Math.ceil(priceCents / PASS_VALUE_CENTS);
  const summary =
    remainder === 0
      ? `${passesNeeded} pass, sans reste à charge.`
      : `${fullPasses} pass et ${euros(remainder)} à la charge du bénéficiaire (ou ${passesNeeded} pass, soit ${euros(passesNeeded * PASS_VALUE_CENTS - priceCents)} de plus que le prix).`;
  return { priceDifferenceCents: priceCents - recommendedPriceCents, passesNeeded, remainingChargeCents: remainder, summary };
}

/**
 * SPEC §3: a new price or referential service sends an offer back through the checks; so does the
 * structure's answer to a change request. Other edits (title, description…) do not.
 */
export function needsRecheck(before: { status: OfferStatus; priceCents: number; serviceId: string }, change: { priceCents?: number; serviceId?: string }): boolean {
  const priceOrService = (change.priceCents !== undefined && change.priceCents !== before.priceCents) || (change.serviceId !== undefined && change.serviceId !== before.serviceId);
  return priceOrService || before.status === 'CHANGES_REQUESTED';
}
