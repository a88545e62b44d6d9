import { Injectable } from '@nestjs/common';
import { WriteContext } from '../audit/audited-transaction';
import { badRequest, conflict } from '../common/errors';
import { ResourceWriter, WriteResult } from '../rest/resource-definition';
import { OffersService } from './offers.service';
import {
  CreateReferentialCategoryDto,
  CreateReferentialServiceDto,
  UpdateReferentialCategoryDto,
  UpdateReferentialServiceDto,
} from './dto/referential.dto';

@Injectable()
export class ReferentialCategoriesWriter implements ResourceWriter {
  createDto = CreateReferentialCategoryDto;
  updateDto = UpdateReferentialCategoryDto;

  constructor(private readonly offers: OffersService) {}

  async create(dto: CreateReferentialCategoryDto, { tx }: WriteContext): Promise<WriteResult> {
    if (await tx.referentialCategory.findUnique({ where: { code: dto.code } })) throw conflict(`Le code ${dto.code} est déjà utilisé.`, { field: 'code' });
    return { record: await tx.referentialCategory.create({ data: dto }) };
  }

  async update(id: string, dto: UpdateReferentialCategoryDto, before: Record<string, unknown>, ctx: WriteContext): Promise<WriteResult> {
    const { tx } = ctx;
    if (dto.code) {
      const other = await tx.referentialCategory.findUnique({ where: { code: dto.code } });
      if (other && other.id !== id) throw conflict(`Le code ${dto.code} est déjà utilisé.`, { field: 'code' });
    }
    const record = await tx.referentialCategory.update({ where: { id }, data: dto });
    if (before.active && dto.active === false) {
      const services = await tx.referentialService.findMany({ where: { categoryId: id }, select: { id: true } });
      await this.offers.flagOffersOfInactiveServices(ctx, services.map((s) => s.id));
    }
    return { record };
  }
}

@Injectable()
export class ReferentialServicesWriter implements ResourceWriter {
  createDto = CreateReferentialServiceDto;
  updateDto = UpdateReferentialServiceDto;

  constructor(private readonly offers: OffersService) {}

  async create(dto: CreateReferentialServiceDto, { tx }: WriteContext): Promise<WriteResult> {
    await this.checkCategory(dto.categoryId, tx);
    if (await tx.referentialService.findUnique({ where: { code: dto.code } })) throw conflict(`Le code ${dto.code} est déjà utilisé.`, { field: 'code' });
    return { record: await tx.referentialService.create({ data: dto }) };
  }

  async update(id: string, dto: UpdateReferentialServiceDto, before: Record<string, unknown>, ctx: WriteContext): Promise<WriteResult> {
    const { tx } = ctx;
    if (dto.categoryId) await this.checkCategory(dto.categoryId, tx);
    if (dto.code) {
      const other = await tx.referentialService.findUnique({ where: { code: dto.code } });
      if (other && other.id !== id) throw conflict(`Le code ${dto.code} est déjà utilisé.`, { field: 'code' });
    }
    const record = await tx.referentialService.update({ where: { id }, data: dto });
    // Deactivating a service never breaks its offers: they are flagged and go back to review.
    if (before.active && dto.active === false) await this.offers.flagOffersOfInactiveServices(ctx, [id]);
    return { record };
  }

  private async checkCategory(categoryId: string, tx: WriteContext['tx']) {
    if (!(await tx.referentialCategory.findUnique({ where: { id: categoryId } }))) {
      throw badRequest(`Catégorie du référentiel inconnue : ${categoryId}.`, { field: 'categoryId' });
    }
  }
}
