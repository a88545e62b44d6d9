import { Injectable } from '@nestjs/common';
import { conflict } from '../common/errors';
import { assertPostalCodeInDepartement } from '../geography/communes';
import { ResourceWriter } from '../writes/resource-writes';
import { WriteContext } from '../writes/write-path';
import { CreateSponsorDto, UpdateSponsorDto } from './dto/sponsor.dto';

@Injectable()
export class SponsorsWriter implements ResourceWriter<'Sponsor', CreateSponsorDto, UpdateSponsorDto> {
  createDto = CreateSponsorDto;
  updateDto = UpdateSponsorDto;

  async create(dto: CreateSponsorDto, { tx }: WriteContext) {
    assertPostalCodeInDepartement(dto.postalCode, dto.departement);
    if (await tx.sponsor.findUnique({ where: { siret: dto.siret } })) throw conflict(`Un commanditaire existe déjà avec le SIRET ${dto.siret}.`, { field: 'siret' });
    return { record: await tx.sponsor.create({ data: dto }) };
  }

  async update(id: string, dto: UpdateSponsorDto, before: { postalCode: string; departement: string }, { tx }: WriteContext) {
    if (dto.postalCode !== undefined || dto.departement !== undefined) assertPostalCodeInDepartement(dto.postalCode ?? before.postalCode, dto.departement ?? before.departement);
    if (dto.siret) {
      const other = await tx.sponsor.findUnique({ where: { siret: dto.siret } });
      if (other && other.id !== id) throw conflict(`Un autre commanditaire a déjà le SIRET ${dto.siret}.`, { field: 'siret' });
    }
    return { record: await tx.sponsor.update({ where: { id }, data: dto }) };
  }

  /** Only a sponsor with no order can be deleted: orders carry money. */
  async remove(id: string, _before: unknown, { tx }: WriteContext) {
    const orders = await tx.order.count({ where: { sponsorId: id } });
    if (orders > 0) throw conflict(`Ce commanditaire a ${orders} commande(s) : il ne peut pas être supprimé.`);
    return { record: await tx.sponsor.delete({ where: { id } }) };
  }
}
