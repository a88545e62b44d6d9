import { Module } from '@nestjs/common';
import { PartnerModule } from '../partner/partner.module';
import { DocumentsController, PartnerStatementsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** PDFs: sponsor documents (fee invoice, credit note), booklet sheets and statements (also to their structure through the partner API) (README "Architecture", documents/). */
@Module({
  imports: [PartnerModule],
  controllers: [DocumentsController, PartnerStatementsController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
