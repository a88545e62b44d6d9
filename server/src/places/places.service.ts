import { Injectable } from '@nestjs/common';
import { badRequest, notFound } from '../common/errors';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { communeNamesLike } from '../geography/communes';
import { departementName } from '../rules/postal';
import { remainingChargeCents, type PublicPlace, type PublicPlacesPage } from '../rules/places';
import { OPEN_SUBSCRIPTION_STATUSES } from '../rules/subscriptions';
import { publicWebAddress } from '../rules/web';
import { openDataRecords } from './open-data';
import type { SchemaLieuMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { PlacesQueryDto } from './places.dto';

/** What a place row needs from the database (one query for a page, one for its offers). */
const LOCATION_SELECT = {
  id: true,
  name: true,
  addressLine: true,
  postalCode: true,
  city: true,
  departement: true,
  latitude: true,
  longitude: true,
  structureId: true,
  updatedAt: true,
  structure: { select: { name: true, siret: true, phone: true, website: true, updatedAt: true } },
} satisfies Prisma.LocationSelect;

/** The directory's order: by département, commune, name (the id breaks ties for stable pages). */
const PLACE_ORDER: Prisma.LocationOrderByWithRelationInput[] = [{ departement: 'asc' }, { city: 'asc' }, { name: 'asc' }, { id: 'asc' }];

export type PlaceRow = Prisma.LocationGetPayload<{ select: typeof LOCATION_SELECT }>;

const OFFER_SELECT = {
  id: true,
  locationId: true,
  structureId: true,
  title: true,
  description: true,
  priceCents: true,
  durationMinutes: true,
  updatedAt: true,
  service: { select: { label: true, category: { select: { code: true, label: true, position: true } } } },
} satisfies Prisma.OfferSelect;

export type OfferRow = Prisma.OfferGetPayload<{ select: typeof OFFER_SELECT }>;

/**
 * The places where a pass is accepted: the active locations of eligible structures (a suspended
 * one never appears) with at least one approved offer, there or for the whole structure. Every
 * filter is an explicit field of the query DTO; nothing of the request reaches Prisma as it is.
 */
@Injectable()
export class PlacesService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(query: PlacesQueryDto): Promise<PublicPlacesPage> {
    const categoryId = query.category ? await this.categoryId(query.category) : undefined;
    const where = this.where(query, categoryId);
    const page = query.page ?? 1;
    const perPage = query.perPage ?? 20;
    const [total, rows] = await Promise.all([
      this.prisma.location.count({ where }),
      this.prisma.location.findMany({ where, select: LOCATION_SELECT, orderBy: PLACE_ORDER, skip: (page - 1) * perPage, take: perPage }),
    ]);
    const offers = await this.offersOf(rows);
    return { items: rows.map((row) => toPlace(row, offers)), total, page, perPage };
  }

  async one(id: string): Promise<PublicPlace> {
    const row = await this.prisma.location.findFirst({ where: { ...this.where({}, undefined), id: typeof id === 'string' ? id.slice(0, 64) : '' }, select: LOCATION_SELECT });
    if (!row) throw notFound('Ce lieu n’existe pas ou n’accepte plus les pass #APTIC.');
    return toPlace(row, await this.offersOf([row]));
  }

  /**
   * The open-data export: every place of the directory as a record of the national schema (a few
   * thousand places; their offers are read in one query and indexed by place and structure).
   */
  async openData(): Promise<SchemaLieuMediationNumerique[]> {
    const rows = await this.prisma.location.findMany({ where: this.where({}, undefined), select: LOCATION_SELECT, orderBy: PLACE_ORDER });
    return openDataRecords(rows, await this.offersOf(rows)).records;
  }

  private async categoryId(code: string) {
    const category = await this.prisma.referentialCategory.findFirst({ where: { code, active: true }, select: { id: true } });
    if (!category) throw badRequest(`Catégorie inconnue : « ${code.slice(0, 50)} ».`, { fields: { category: ['catégorie inconnue du référentiel'] } });
    return category.id;
  }

  private where(query: Pick<PlacesQueryDto, 'departement' | 'postalCode' | 'commune'>, categoryId: string | undefined): Prisma.LocationWhereInput {
    const approved: Prisma.OfferWhereInput = { status: 'APPROVED', ...(categoryId ? { service: { categoryId } } : {}) };
    const and: Prisma.LocationWhereInput[] = [{ OR: [{ offers: { some: approved } }, { structure: { offers: { some: { ...approved, locationId: null } } } }] }];
    if (query.commune) {
      // As typed, or as the official split spells it ("merignac" → "Mérignac").
      const names = [...new Set([query.commune, ...communeNamesLike(query.commune)])];
      and.push({ OR: names.map((name) => ({ city: { equals: name, mode: 'insensitive' as const } })) });
    }
    return {
      active: true,
      // A structure without an open kit subscription cannot take a pass (NO_SUBSCRIPTION): not listed.
      structure: { status: 'ELIGIBLE', subscriptions: { some: { status: { in: [...OPEN_SUBSCRIPTION_STATUSES] } } } },
      ...(query.departement ? { departement: query.departement } : {}),
      ...(query.postalCode ? { postalCode: query.postalCode } : {}),
      AND: and,
    };
  }

  /** The approved offers of these places: their own, and their structures' offered everywhere. */
  private async offersOf(rows: PlaceRow[]): Promise<PlaceOffers> {
    if (rows.length === 0) return new PlaceOffers([]);
    return new PlaceOffers(
      await this.prisma.offer.findMany({
        where: { status: 'APPROVED', OR: [{ locationId: { in: rows.map((r) => r.id) } }, { locationId: null, structureId: { in: [...new Set(rows.map((r) => r.structureId))] } }] },
        select: OFFER_SELECT,
      }),
    );
  }
}

/** Approved offers indexed by place and, for those offered everywhere, by structure. */
export class PlaceOffers {
  private readonly byPlace = new Map<string, OfferRow[]>();
  private readonly everywhere = new Map<string, OfferRow[]>();

  constructor(offers: OfferRow[]) {
    for (const offer of offers) {
      const [index, key] = offer.locationId === null ? [this.everywhere, offer.structureId] : [this.byPlace, offer.locationId];
      const list = index.get(key);
      if (list) list.push(offer);
      else index.set(key, [offer]);
    }
  }

  /** The offers a place shows: its own and its structure's general ones, by category then title. */
  at(row: Pick<PlaceRow, 'id' | 'structureId'>): OfferRow[] {
    return [...(this.byPlace.get(row.id) ?? []), ...(this.everywhere.get(row.structureId) ?? [])].sort(
      (a, b) => a.service.category.position - b.service.category.position || a.title.localeCompare(b.title, 'fr') || a.id.localeCompare(b.id),
    );
  }
}

function toPlace(row: PlaceRow, offers: PlaceOffers): PublicPlace {
  return {
    id: row.id,
    name: row.name,
    structureName: row.structure.name,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    city: row.city,
    departement: row.departement,
    departementName: departementName(row.departement),
    phone: row.structure.phone,
    website: publicWebAddress(row.structure.website),
    latitude: row.latitude,
    longitude: row.longitude,
    services: offers.at(row).map((o) => ({
      id: o.id,
      title: o.title,
      description: o.description,
      categoryCode: o.service.category.code,
      categoryLabel: o.service.category.label,
      serviceLabel: o.service.label,
      priceCents: o.priceCents,
      durationMinutes: o.durationMinutes,
      remainingCents: remainingChargeCents(o.priceCents),
    })),
  };
}
