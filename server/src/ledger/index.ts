export * from './rules';
export { post, reverse, LedgerRefusal, type PostedTransaction } from './post';
export * from './invariants';
export { nextDocumentNumber, reserveDocumentNumbers, formatDocumentNumber } from './document-numbers';
