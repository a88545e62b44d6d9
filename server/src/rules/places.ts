/**
 * The public directory of the places where a pass is accepted (GET /api/public/places, the /lieux
 * pages): its shapes and rules, shared by the server and the public pages.
 */
import { PASS_VALUE_CENTS } from './money';

/**
 * What a commune's name is made of, to search by it: letters (accents too), digits, spaces,
 * hyphens, apostrophes, periods and brackets; no pattern characters (% _ \) reach the search.
 */
export const COMMUNE_NAME = /^[\p{L}\p{M}\d '’.()-]+$/u;

/** Places on a page of the directory, at most. */
export const PLACES_PER_PAGE_MAX = 50;

/** What a beneficiary pays on top of one pass (a booklet's pass is worth 10 €): 0 = « sans reste à charge ». */
export const remainingChargeCents = (priceCents: number) => Math.max(0, priceCents - PASS_VALUE_CENTS);

export interface PublicService {
  /** The offer's id. */
  id: string;
  title: string;
  description: string | null;
  /** The referential category and service it belongs to. */
  categoryCode: string;
  categoryLabel: string;
  serviceLabel: string;
  priceCents: number;
  durationMinutes: number;
  /** remainingChargeCents(priceCents). */
  remainingCents: number;
}

export interface PublicPlace {
  /** The location's id. */
  id: string;
  /** The location's name. */
  name: string;
  structureName: string;
  addressLine: string;
  postalCode: string;
  city: string;
  departement: string;
  departementName: string | null;
  phone: string | null;
  website: string | null;
  /** Where it is on a map (WGS 84), when staff entered it. */
  latitude: number | null;
  longitude: number | null;
  /** Its approved services, by category then title. */
  services: PublicService[];
}

export interface PublicPlacesPage {
  items: PublicPlace[];
  total: number;
  page: number;
  perPage: number;
}

/** GET /api/public/map: the tile server the directory's map uses (none: no map, the list alone). */
export interface PublicMapSettings {
  tilesUrl: string | null;
  attribution: string;
}
