/** Resource names of SPEC §4, in menu order. */
export const RESOURCE_NAMES = [
    'applications',
    'structures',
    'locations',
    'charters',
    'charter-signatures',
    'questionnaires',
    'referential-categories',
    'referential-services',
    'offers',
    'sponsors',
    'orders',
    'booklets',
    'passes',
    'redemptions',
    'scans',
    'disputes',
    'subscriptions',
    'endorsements',
    'statements',
    'payouts',
    'ledger-entries',
    'users',
    'audit-events',
    'comments',
] as const;

export const resourceChoices = RESOURCE_NAMES.map(name => ({ id: name, name: `resources.${name}.name` }));
