import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Reports on the books: the reconciliation (JSON and CSV). Its nightly job, reconcile-ledger, is registered with the others (jobs.module). */
@Module({ controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
