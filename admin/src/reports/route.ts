import ReconcileIcon from '@mui/icons-material/Balance';

/** The reconciliation report (SPEC §3 "Ledger"): a page of its own in the accounting menu, for those who read the ledger. */
export const reconciliationPage = {
    path: '/reconciliation',
    label: 'reconciliation.menu',
    icon: ReconcileIcon,
    resource: 'ledger-entries',
};
