import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { ledgerEntriesResource } from './ledger.resources';

/** The books: the read-only ledger-entries resource. Postings go through post() inside the writes they account for. */
@Module({ controllers: [createResourceController(ledgerEntriesResource)] })
export class LedgerModule {}
