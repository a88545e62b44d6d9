import { Injectable } from '@nestjs/common';
import { badRequest, conflict } from '../common/errors';
import { ReferentialCategory, ReferentialService } from '../generated/prisma/client';
import { ResourceWriter } from '../writes/resource-writes';
import { WriteContext } from '../writes/write-path';
import { OffersService } from './offers.service';
import {
  CreateReferentialCategoryDto,
  CreateReferentialServiceDto,
  UpdateReferentialCategoryDto,
  UpdateReferentialServiceDto,
} from './dto/referential.dto';

@Injectable()
export class ReferentialCategoriesWriter implements ResourceWriter<'ReferentialCategory', CreateReferentialCategoryDto, UpdateReferentialCategoryDto> {
  createDto = CreateReferentialCategoryDto;
  updateDto = UpdateReferentialCategoryDto;

  constructor(private readonly offers: OffersService) {}

  async create(dto: CreateReferentialCategoryDto, { tx }: WriteContext) {
    if (await tx.referentialCategory.findUnique({ where: { code: dto.code } })) throw conflict(`Le code ${dto.code} est déjà utilisé.`, { field: 'code' });
    return { record: await tx.referentialCategory.create({ data: dto }) };
  }

  async update(id: string, dto: UpdateReferentialCategoryDto, before: ReferentialCategory, ctx: WriteContext) {
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
export class ReferentialServicesWriter implements ResourceWriter<'ReferentialService', CreateReferentialServiceDto, UpdateReferentialServiceDto> {
  createDto = CreateReferentialServiceDto;
  updateDto = UpdateReferentialServiceDto;

  constructor(private readonly offers: OffersService) {}

  async create(dto: CreateReferentialServiceDto, { tx }: WriteContext) {
    await this.checkCategory(dto.categoryId, tx);
    if (await tx.referentialService.findUnique({ where: { code: dto.code } })) throw conflict(`Le code ${dto.code} est déjà utilisé.`, { field: 'code' });
    return { record: await tx.referentialService.create({ data: dto }) };
  }

  async update(id: string, dto: UpdateReferentialServiceDto, before: ReferentialService, ctx: WriteContext) {
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
