import { barcodeFromSerial, randomSerial } from '../rules/barcode';

/**
 * `npm run demo:scans`: realistic redemptions, valid and invalid, sent through the partner API of
 * a running server, so a newcomer sees "Scans en direct" move. An ADMIN reissues a partner key
 * for a few eligible structures with a kit and an approved offer (their previous keys are
 * revoked: demo data only), then each structure's "scanner" presents passes of the demo orders:
 * most are accepted, some are refused as a counter sees it every day (already used, unknown,
 * mistyped, out of the order's area). Everything goes through HTTP, like a real scanner.
 */
export interface DemoScansOptions {
  baseUrl: string;
  email: string;
  password: string;
  /** Redemptions to send (default 200). */
  count?: number;
  /** Redemptions per second (default 5). */
  ratePerSecond?: number;
  /** Structures that scan (default 6). */
  structures?: number;
  log?: (line: string) => void;
}

interface Place {
  id: string;
  name: string;
  departement: string;
  offerId: string;
  key: string;
}

interface PassPool {
  allowedDepartements: string[];
  barcodes: string[];
}

const query = (params: Record<string, unknown>) =>
  '?' +
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`)
    .join('&');

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const mistyped = (barcode: string) => barcode.slice(0, 12) + String((Number(barcode[12]) + 1) % 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runDemoScans(options: DemoScansOptions): Promise<{ accepted: number; refused: number }> {
  const { baseUrl, count = 200, ratePerSecond = 5, structures: wanted = 6, log = () => undefined } = options;
  const call = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const login = await call<{ accessToken?: string; message?: string }>('POST', '/api/auth/login', { email: options.email, password: options.password });
  if (!login.body.accessToken) throw new Error(`Connexion refusée pour ${options.email} : ${login.body.message ?? login.status}`);
  const token = login.body.accessToken;
  const read = async <T>(path: string) => {
    const answer = await call<T>('GET', path, undefined, token);
    if (answer.status !== 200) throw new Error(`GET ${path} : ${answer.status}`);
    return answer.body;
  };

  // Who can redeem: eligible, an open kit, an approved offer that one pass pays.
  const eligible = await read<{ id: string; name: string; departement: string }[]>(`/api/structures${query({ filter: { status: 'ELIGIBLE' }, sort: ['name', 'ASC'], range: [0, 999] })}`);
  const withKit = new Set((await read<{ structureId: string }[]>(`/api/subscriptions${query({ filter: { status: ['PENDING', 'ACTIVE'] }, range: [0, 999] })}`)).map((s) => s.structureId));
  const offers = await read<{ id: string; structureId: string; priceCents: number }[]>(`/api/offers${query({ filter: { status: 'APPROVED', priceCents_lte: 1000 }, range: [0, 999] })}`);
  const pools: PassPool[] = [];
  for (const order of await read<{ id: string; allowedDepartements: string[] }[]>(`/api/orders${query({ filter: { status: 'ACTIVE' }, range: [0, 999] })}`)) {
    const passes = await read<{ barcode: string }[]>(`/api/passes${query({ filter: { orderId: order.id, status: 'ACTIVE' }, range: [0, 999] })}`);
    pools.push({ allowedDepartements: order.allowedDepartements, barcodes: passes.map((p) => p.barcode).sort(() => Math.random() - 0.5) });
  }
  const usable = (place: Place) => pools.filter((p) => p.barcodes.length > 0 && (p.allowedDepartements.length === 0 || p.allowedDepartements.includes(place.departement)));
  // Structures whose département some order serves come first: they are the ones that get accepted.
  const candidates = eligible
    .filter((s) => withKit.has(s.id) && offers.some((o) => o.structureId === s.id))
    .sort((a, b) => Number(pools.some((p) => p.allowedDepartements.includes(b.departement))) - Number(pools.some((p) => p.allowedDepartements.includes(a.departement))));
  const places: Place[] = [];
  for (const s of candidates.slice(0, wanted)) {
    const issued = await call<{ partnerApiKey?: { key: string } }>('POST', `/api/structures/${s.id}/reissue-api-key`, {}, token);
    if (!issued.body.partnerApiKey) throw new Error(`Clé partenaire refusée pour ${s.name} (${issued.status}) : un compte ADMIN est nécessaire.`);
    places.push({ id: s.id, name: s.name, departement: s.departement, offerId: offers.find((o) => o.structureId === s.id)!.id, key: issued.body.partnerApiKey.key });
  }
  if (places.length === 0) throw new Error('Aucune structure éligible avec un kit et une offre approuvée : rien à scanner.');
  log(`${places.length} structures scannent : ${places.map((p) => `${p.name} (${p.departement})`).join(', ')}.`);

  const used: string[] = [];
  let accepted = 0;
  let refused = 0;
  for (let i = 0; i < count; i++) {
    const place = pick(places);
    const roll = Math.random();
    const mine = usable(place);
    const elsewhere = pools.filter((p) => p.barcodes.length > 0 && p.allowedDepartements.length > 0 && !p.allowedDepartements.includes(place.departement));
    let barcode: string;
    if (roll < 0.62 && mine.length > 0) barcode = pick(mine).barcodes.pop()!;
    else if (roll < 0.74 && used.length > 0) barcode = pick(used); // presented again
    else if (roll < 0.84 && elsewhere.length > 0) barcode = pick(elsewhere).barcodes.pop()!; // out of the order's area
    else if (roll < 0.92) barcode = mistyped(used.length > 0 ? pick(used) : barcodeFromSerial(randomSerial()));
    else barcode = barcodeFromSerial(randomSerial()); // no such pass
    const answer = await call<{ message?: string; scans?: { outcome: string; message?: string }[]; details?: { scans?: { message?: string }[] } }>(
      'POST',
      '/api/partner/redemptions',
      { offerId: place.offerId, barcodes: [barcode] },
      place.key,
    );
    if (answer.status === 201) {
      accepted += 1;
      used.push(barcode);
      log(`✔ ${barcode}  ${place.name} : accepté`);
    } else {
      refused += 1;
      log(`✘ ${barcode}  ${place.name} : ${answer.body.details?.scans?.[0]?.message ?? answer.body.message ?? answer.status}`);
    }
    await sleep(1000 / ratePerSecond);
  }
  return { accepted, refused };
}
