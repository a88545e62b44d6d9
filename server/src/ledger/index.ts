export * from './rules';
export { post, reverse, LedgerRefusal, type PostedTransaction } from './post';
export * from './invariants';
export { nextDocumentNumber, formatDocumentNumber } from './document-numbers';
