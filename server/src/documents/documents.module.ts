import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { PartnerModule } from '../partner/partner.module';
import { DocumentsController, PartnerStatementsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** PDFs: sponsor documents (fee invoice, credit note), booklet sheets and statements (also to their structure through the partner API) (README "Architecture", documents/). */
@Module({
  imports: [PartnerModule, JobsModule],
  controllers: [DocumentsController, PartnerStatementsController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
