import { Injectable } from '@nestjs/common';
import type { StaffUser } from '../auth/staff-user';
import { badRequest, conflict } from '../common/errors';
import { assertPostalCodeInDepartement } from '../geography/communes';
import type { Structure } from '../generated/prisma/client';
import { maskIban } from '../rest/masking';
import { ResourceWriter } from '../writes/resource-writes';
import { WriteContext } from '../writes/write-path';
import { bankFieldsChanged } from './bank-changes.rules';
import { CreateLocationDto, UpdateLocationDto, UpdateStructureDto } from './dto/structure.dto';

type BankFields = { bankHolder: string; iban: string; bic: string };

/** What the audit log shows of bank details: never a full IBAN. */
export const bankAudit = (bank: BankFields) => ({ bankHolder: bank.bankHolder, iban: maskIban(bank.iban), bic: bank.bic });

/**
 * Opens a pending change of a structure's bank details (four eyes): the structure keeps its
 * current ones, which payouts use, until a second person confirms. Audited on the structure.
 */
export async function requestBankChange(ctx: WriteContext, structure: Structure, asked: Partial<BankFields>, by: { id: string; name: string }) {
  const pending = await ctx.tx.bankDetailsChange.findFirst({ where: { structureId: structure.id, status: 'PENDING' } });
  if (pending) {
    throw conflict(`Un changement de coordonnées bancaires demandé par ${pending.requestedByName} attend déjà d'être confirmé : il doit être confirmé ou refusé avant un nouveau.`, { fields: { iban: ['changement déjà en attente'] } });
  }
  const next: BankFields = { bankHolder: asked.bankHolder ?? structure.bankHolder, iban: asked.iban ?? structure.iban, bic: asked.bic ?? structure.bic };
  const change = await ctx.tx.bankDetailsChange.create({ data: { structureId: structure.id, ...next, requestedById: by.id, requestedByName: by.name } });
  await ctx.record({ action: 'request-bank-change', resource: 'structures', recordId: structure.id, before: bankAudit(structure), after: bankAudit(next), change: 'updated' });
  return change;
}

/**
 * A structure corrects its bank details in its answer to a hold: the change waits for ADMIN or
 * FINANCE like a staff one. A change still pending is superseded by the structure's own (refused,
 * with the reason, in the timeline), so the newest details are the ones to confirm.
 */
export async function requestBankChangeFromReply(ctx: WriteContext, application: { id: string; reference: string; structureId: string | null }, asked: BankFields) {
  if (!application.structureId) return;
  const structure = await ctx.tx.structure.findUniqueOrThrow({ where: { id: application.structureId } });
  const pending = await ctx.tx.bankDetailsChange.findFirst({ where: { structureId: structure.id, status: 'PENDING' } });
  if (!bankFieldsChanged(pending ?? structure, asked)) return;
  if (pending) {
    const decisionComment = `Remplacé par la correction envoyée par la structure (demande ${application.reference}).`;
    await ctx.tx.bankDetailsChange.update({ where: { id: pending.id }, data: { status: 'REJECTED', decidedAt: new Date(), decisionComment } });
    await ctx.record({ action: 'reject-bank-change', resource: 'structures', recordId: structure.id, before: bankAudit(structure), after: { ...bankAudit(pending), requestedBy: pending.requestedByName, comment: decisionComment }, change: 'updated' });
  }
  if (bankFieldsChanged(structure, asked)) {
    await requestBankChange(ctx, structure, asked, { id: `application:${application.id}`, name: `La structure (réponse, demande ${application.reference})` });
  }
}

/** Staff corrections of a structure: contact, address, phone directly; bank details through a pending change. */
@Injectable()
export class StructuresWriter implements ResourceWriter<'Structure', object, UpdateStructureDto> {
  updateDto = UpdateStructureDto;

  async update(id: string, dto: UpdateStructureDto, before: Structure, ctx: WriteContext, user: StaffUser) {
    if (dto.postalCode !== undefined || dto.departement !== undefined) assertPostalCodeInDepartement(dto.postalCode ?? before.postalCode, dto.departement ?? before.departement);
    const { bankHolder, iban, bic, ...contact } = dto;
    const bank = { bankHolder, iban, bic };
    if (bankFieldsChanged(before, bank)) await requestBankChange(ctx, before, bank, { id: user.id, name: user.fullName });
    const record = await ctx.tx.structure.update({ where: { id }, data: { ...contact, phone: contact.phone === '' ? null : contact.phone, website: contact.website === '' ? null : contact.website, legalRepRole: contact.legalRepRole === '' ? null : contact.legalRepRole } });
    return { record };
  }
}

/** A place on the map has both coordinates, or none. */
function assertPosition(latitude: number | null, longitude: number | null) {
  if ((latitude === null) === (longitude === null)) return;
  const missing = latitude === null ? 'latitude' : 'longitude';
  throw badRequest('Position incomplète : donnez la latitude et la longitude, ou aucune des deux.', { fields: { [missing]: ['manque (la position se donne en entier)'] } });
}

/** A structure's places: created, corrected, deactivated by staff; deleted only when nothing happened there. */
@Injectable()
export class LocationsWriter implements ResourceWriter<'Location', CreateLocationDto, UpdateLocationDto> {
  createDto = CreateLocationDto;
  updateDto = UpdateLocationDto;

  async create(dto: CreateLocationDto, { tx }: WriteContext) {
    assertPostalCodeInDepartement(dto.postalCode, dto.departement);
    assertPosition(dto.latitude ?? null, dto.longitude ?? null);
    if (!(await tx.structure.findUnique({ where: { id: dto.structureId } }))) throw badRequest('Structure inconnue.', { fields: { structureId: ['structure inconnue'] } });
    return { record: await tx.location.create({ data: dto }) };
  }

  async update(id: string, dto: UpdateLocationDto, before: { structureId: string; postalCode: string; departement: string; latitude: number | null; longitude: number | null }, { tx }: WriteContext) {
    if (dto.postalCode !== undefined || dto.departement !== undefined) assertPostalCodeInDepartement(dto.postalCode ?? before.postalCode, dto.departement ?? before.departement);
    if (dto.latitude !== undefined || dto.longitude !== undefined) assertPosition(dto.latitude !== undefined ? dto.latitude : before.latitude, dto.longitude !== undefined ? dto.longitude : before.longitude);
    if (dto.structureId !== undefined && dto.structureId !== before.structureId) throw badRequest("Un lieu reste attaché à sa structure : créez un lieu dans l'autre structure.", { fields: { structureId: ['ne peut pas changer'] } });
    const { structureId: _same, ...data } = dto;
    return { record: await tx.location.update({ where: { id }, data }) };
  }

  /** Offers and redemptions refer to the place: then it is deactivated, not deleted. */
  async remove(id: string, _before: unknown, { tx }: WriteContext) {
    const [offers, redemptions] = await Promise.all([tx.offer.count({ where: { locationId: id } }), tx.redemption.count({ where: { locationId: id } })]);
    if (offers + redemptions > 0) throw conflict(`Ce lieu a ${offers} offre(s) et ${redemptions} passage(s) : il ne peut pas être supprimé, désactivez-le.`);
    return { record: await tx.location.delete({ where: { id } }) };
  }
}
