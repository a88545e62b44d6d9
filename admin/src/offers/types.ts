/** `GET /api/offers/:id/review`: what a reviewer weighs before deciding on an offer. */
export interface OfferReview {
    offer: Record<string, any> & { flagExplanations: { flag: string; explanation: string }[] };
    structure: { id: string; name: string; status: string; departement: string; city: string; charterResignatureNeeded: boolean };
    service: {
        id: string;
        code: string;
        label: string;
        recommendedPriceCents: number;
        active: boolean;
        category: { id: string; label: string; active: boolean };
    };
    impact: { priceDifferenceCents: number; passesNeeded: number; remainingChargeCents: number; summary: string };
    otherOffers: { id: string; title: string; serviceId: string; priceCents: number; status: string; flags: string[] }[];
}
