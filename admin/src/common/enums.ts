// Enum values of prisma/schema.prisma, in the order a person reads them (lifecycle order).
// Labels live in i18n under `enums.<EnumName>.<VALUE>`; colours in StatusChip.
export const enums = {
    Role: ['ADMIN', 'REVIEWER', 'FINANCE', 'SUPPORT'],
    SponsorKind: [
        'DEPARTEMENT',
        'REGION',
        'COMMUNE',
        'INTERCOMMUNALITE',
        'CAF',
        'SOCIAL_FUND',
        'ASSOCIATION',
        'COMPANY',
        'OTHER',
    ],
    OrderStatus: ['DRAFT', 'AWAITING_PAYMENT', 'ACTIVE', 'CLOSED', 'CANCELLED'],
    PassStatus: ['INACTIVE', 'ACTIVE', 'REDEEMED', 'ENDORSED', 'PAID', 'CANCELLED', 'EXPIRED'],
    StructureStatus: ['APPLICANT', 'ELIGIBLE', 'SUSPENDED', 'REJECTED'],
    ApplicationStatus: ['SUBMITTED', 'IN_REVIEW', 'ON_HOLD', 'APPROVED', 'REJECTED'],
    RejectionReason: ['ELIGIBILITY', 'INCOMPLETE', 'DUPLICATE', 'OUT_OF_SCOPE', 'OTHER'],
    OfferStatus: ['PENDING_REVIEW', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED'],
    OfferValidation: ['AUTO', 'MANUAL'],
    OfferFlag: [
        'PRICE_ABOVE_RECOMMENDED',
        'PRICE_NOT_MULTIPLE_OF_PASS',
        'REFERENTIAL_INACTIVE',
        'DUPLICATE_OFFER',
        'NEEDS_MANUAL_REVIEW',
    ],
    SubscriptionPlan: ['MONTHLY', 'ANNUAL'],
    SubscriptionStatus: ['PENDING', 'ACTIVE', 'CANCELLED'],
    RedemptionStatus: ['ACCEPTED', 'REJECTED'],
    ScanOutcome: ['ACCEPTED', 'REJECTED', 'VOIDED'],
    ScanRejectionReason: [
        'INVALID_BARCODE',
        'UNKNOWN_PASS',
        'PASS_INACTIVE',
        'PASS_ALREADY_USED',
        'PASS_EXPIRED',
        'PASS_CANCELLED',
        'OUT_OF_AREA',
        'STRUCTURE_NOT_ELIGIBLE',
        'NO_SUBSCRIPTION',
        'OFFER_NOT_APPROVED',
        'OFFER_NOT_OWNED',
        'SAME_BOOKLET',
        'TOO_MANY_PASSES',
        'DUPLICATE_IN_REQUEST',
    ],
    DisputeOrigin: ['STRUCTURE', 'SPONSOR', 'BENEFICIARY', 'INTERNAL_CONTROL'],
    DisputeCategory: [
        'PASS_REJECTED_WRONGLY',
        'SERVICE_NOT_RENDERED',
        'DUPLICATE_SCAN',
        'FRAUD_SUSPICION',
        'OTHER',
    ],
    DisputeStatus: ['OPEN', 'INVESTIGATING', 'RESOLVED', 'CANCELLED'],
    DisputeOutcome: ['UPHOLD', 'VOID_SCAN', 'FORCE_REDEEM'],
    EndorsementStatus: ['PREPARING', 'PREPARED', 'CLOSING', 'CLOSED', 'EXPORTED', 'PAID'],
    StatementStatus: ['DRAFT', 'FINAL'],
    PayoutStatus: ['PENDING', 'WITHHELD', 'EXPORTED', 'PAID'],
    ActorType: ['STAFF', 'PARTNER', 'PUBLIC', 'SYSTEM'],
    LedgerEvent: [
        'ORDER_ACTIVATED',
        'SPONSOR_PAYMENT_RECEIVED',
        'REDEMPTION_ACCEPTED',
        'SCAN_VOIDED',
        'MONTH_CLOSED',
        'PAYOUT_PAID',
        'PASSES_EXPIRED',
        'PASSES_CANCELLED',
        'REVERSAL',
    ],
    JobRunStatus: ['RUNNING', 'SUCCEEDED', 'FAILED'],
    DocumentKind: ['STATEMENT', 'SPONSOR_FEE_INVOICE', 'SPONSOR_CREDIT_NOTE'],
} as const;

export type EnumName = keyof typeof enums;

/** Choices for SelectInput / SelectArrayInput; react-admin translates the `name` keys. */
export const enumChoices = (name: EnumName) =>
    enums[name].map(value => ({ id: value, name: `enums.${name}.${value}` }));

// Which enum a field holds, for the fields that are not named after their enum (`status` is
// a different enum on each resource). Used to translate values in the audit history.
const STATUS_ENUMS: Record<string, EnumName> = {
    structures: 'StructureStatus',
    applications: 'ApplicationStatus',
    offers: 'OfferStatus',
    orders: 'OrderStatus',
    passes: 'PassStatus',
    subscriptions: 'SubscriptionStatus',
    redemptions: 'RedemptionStatus',
    disputes: 'DisputeStatus',
    endorsements: 'EndorsementStatus',
    statements: 'StatementStatus',
    payouts: 'PayoutStatus',
    'job-runs': 'JobRunStatus',
};
const FIELD_ENUMS: Record<string, EnumName> = {
    role: 'Role',
    kind: 'SponsorKind',
    rejectionReason: 'RejectionReason',
    validation: 'OfferValidation',
    flags: 'OfferFlag',
    plan: 'SubscriptionPlan',
    outcome: 'ScanOutcome',
    origin: 'DisputeOrigin',
    category: 'DisputeCategory',
    actorType: 'ActorType',
    event: 'LedgerEvent',
};

export const fieldEnum = (resource: string, field: string): EnumName | undefined => {
    if (field === 'status') return STATUS_ENUMS[resource];
    if (resource === 'scans' && field === 'reason') return 'ScanRejectionReason';
    if (resource === 'disputes' && field === 'outcome') return 'DisputeOutcome';
    return FIELD_ENUMS[field];
};

/** Fields holding a staff member's id: shown by name. */
export const STAFF_FIELDS = new Set([
    'assigneeId',
    'decidedById',
    'moderatedById',
    'createdById',
    'openedById',
    'closedById',
    'authorId',
    'handedOutBy',
]);
