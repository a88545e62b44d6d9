import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../auth/decorators';
import type { StaffUser } from '../auth/staff-user';
import { DocumentsService, PdfFile } from './documents.service';

const download = ({ fileName, bytes }: PdfFile) => new StreamableFile(bytes, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"`, length: bytes.length });

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** A sponsor's fee invoice or credit note, rendered from its frozen snapshot. */
  @Get('sponsor-documents/:id/pdf')
  @ApiProduces('application/pdf')
  @RequirePermission('sponsor-documents', 'R')
  async sponsorDocument(@Param('id') id: string) {
    return download(await this.documents.sponsorDocumentPdf(id));
  }

  /** A booklet's printable sheet of passes: a write (audited), for ADMIN and FINANCE only. */
  @Get('booklets/:id/sheet.pdf')
  @ApiProduces('application/pdf')
  @RequirePermission('booklets', 'W')
  async bookletSheet(@Param('id') id: string, @CurrentUser() user: StaffUser) {
    return download(await this.documents.bookletSheetPdf(id, user));
  }
}
