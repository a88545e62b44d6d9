import { ResourceDefinition } from '../rest/resource-definition';

/** The ledger, read-only for ADMIN and FINANCE (role matrix): entries are written by post() only. */
export const ledgerEntriesResource: ResourceDefinition<'LedgerEntry'> = {
  name: 'ledger-entries',
  model: 'LedgerEntry',
  search: ['account', 'transactionId', 'recordId'],
  defaultSort: ['createdAt', 'DESC'],
};
