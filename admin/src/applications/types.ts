/** `GET /api/applications/:id/checks`: what a reviewer verifies before deciding. */
export interface ApplicationChecks {
    score: {
        score: number;
        threshold: number;
        maxScore: number;
        passes: boolean;
        answers: { code: string; question: string; value: string; answer: string; score: number; maxScore: number }[];
        questionnaireVersion?: number;
    };
    charter: { signedVersion: number | null; currentVersion: number | null; upToDate: boolean };
    siret: { value: string; valid: boolean; qualifiedStructure: { id: string; name: string; status: string } | null };
    bank: {
        holder: string;
        ibanValid: boolean;
        bicValid: boolean;
        sameIbanStructures: { id: string; name: string; siret: string; status: string }[];
    };
    otherApplications: { id: string; reference: string; status: string; submittedAt: string }[];
    warnings: string[];
}

/** Statuses still waiting for a decision (the review queue's default view). */
export const PENDING_STATUSES = ['SUBMITTED', 'IN_REVIEW', 'ON_HOLD'];
