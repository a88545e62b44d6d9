// npm run demo:scans — scanner traffic for a RUNNING demo server, to watch the live scan page
// (« Scans en direct », #/live-scans) move. Not a test, not a benchmark.
//
// DEMO DATABASES ONLY: it logs in with the demo ADMIN account and REISSUES the partner key of the
// structures it scans for (POST /api/structures/:id/reissue-api-key), which REVOKES their
// previous key; when fewer than DEMO_MIN_PASSES active passes are left it has FINANCE create,
// issue and activate an order; and every pass it redeems is redeemed for good (ledger included).
//
// What it does, through the API only, as a newcomer would after `npm start`:
//   1. logs in as the demo ADMIN (and FINANCE if an order is needed);
//   2. picks DEMO_SCANS_STRUCTURES eligible structures with a kit (GET /api/structures and
//      /api/subscriptions), gives each a new partner key and reads its approved offers
//      (GET /api/partner/offers);
//   3. lists ACTIVE passes (GET /api/passes) and their orders' restrictions (GET /api/orders);
//   4. sends redemptions (POST /api/partner/redemptions, each with its Idempotency-Key) at
//      DEMO_SCANS_RATE per second: mostly one valid pass, and a realistic share of mistakes
//      (mistyped check digit, unknown barcode, pass already used, two passes of one booklet, pass
//      outside its area, the same request retried with its Idempotency-Key), one French line each.
//
// Settings: DEMO_URL (http://localhost:3000), DEMO_SCANS_RATE (3 per second), DEMO_SCANS_DURATION
// (seconds; until Ctrl-C when unset), DEMO_SCANS_STRUCTURES (5), DEMO_MIN_PASSES (200).
import { randomUUID } from 'node:crypto';
import { barcodeFromSerial, randomSerial } from '../../server/src/rules/barcode';
import { DEMO_STAFF } from '../../server/src/seed/demo-data';

const BASE = (process.env.DEMO_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const RATE = Number(process.env.DEMO_SCANS_RATE ?? 3);
const DURATION = process.env.DEMO_SCANS_DURATION ? Number(process.env.DEMO_SCANS_DURATION) : Infinity;
const STRUCTURES = Number(process.env.DEMO_SCANS_STRUCTURES ?? 5);
const MIN_PASSES = Number(process.env.DEMO_MIN_PASSES ?? 200);

class DemoError extends Error {}

interface Structure {
  id: string;
  name: string;
  departement: string;
}
interface Offer {
  id: string;
  title: string;
  priceCents: number;
  status: string;
}
interface Scanner extends Structure {
  key: string;
  offers: Offer[];
}
interface Pass {
  id: string;
  barcode: string;
  bookletId: string;
  orderId: string;
}
interface Order {
  id: string;
  reference: string;
  status: string;
  allowedDepartements: string[];
  validFrom: string | null;
  validUntil: string | null;
}

const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const time = () => new Date().toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' });

/** One call to the server, with the failures a newcomer meets explained in words. */
async function call<T = any>(method: string, path: string, auth: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, {
      method,
      headers: { ...(auth ? { Authorization: `Bearer ${auth}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    throw new DemoError(`Aucun serveur ne répond sur ${BASE} (${cause}).\nLancez-le d’abord dans un autre terminal (npm start), ou donnez son adresse : DEMO_URL=http://hôte:port npm run demo:scans`);
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** A call that must succeed (2xx): otherwise the server's message, and what we were doing. */
async function must<T = any>(what: string, method: string, path: string, auth: string | null, body?: unknown): Promise<T> {
  const res = await call<T>(method, path, auth, body);
  if (res.status >= 300) {
    const message = (res.body as { message?: string } | null)?.message ?? String(res.body).slice(0, 200);
    throw new DemoError(`${what} : refusé par le serveur (${res.status}) — ${message}`);
  }
  return res.body;
}

const list = (resource: string, params: { filter?: object; range?: [number, number]; sort?: [string, string] }) => {
  const q = new URLSearchParams();
  if (params.filter) q.set('filter', JSON.stringify(params.filter));
  if (params.range) q.set('range', JSON.stringify(params.range));
  if (params.sort) q.set('sort', JSON.stringify(params.sort));
  return `/api/${resource}?${q}`;
};

async function login(role: 'ADMIN' | 'FINANCE'): Promise<string> {
  const account = DEMO_STAFF.find((s) => s.role === role)!;
  const res = await call<{ accessToken?: string; message?: string }>('POST', '/api/auth/login', null, { email: account.email, password: account.password });
  if (res.status === 404) throw new DemoError(`${BASE} répond, mais ce n’est pas le back-office #APTIC (POST /api/auth/login : 404). Vérifiez DEMO_URL.`);
  if (res.status !== 200 || !res.body.accessToken) {
    throw new DemoError(`Connexion impossible avec le compte de démonstration ${account.email} (${res.status} : ${res.body?.message ?? ''}).\nCe script est fait pour une base de démonstration (npm run db:seed).`);
  }
  return res.body.accessToken;
}

/** Eligible structures that have a kit (a subscription PENDING or ACTIVE), each with a new partner key and its approved offers. */
async function scanners(admin: string): Promise<Scanner[]> {
  const structures = await must<Structure[]>('Liste des structures', 'GET', list('structures', { filter: { status: 'ELIGIBLE' }, range: [0, 999], sort: ['name', 'ASC'] }), admin);
  const kits = await must<{ structureId: string }[]>('Liste des abonnements', 'GET', list('subscriptions', { filter: { status: ['PENDING', 'ACTIVE'] }, range: [0, 999] }), admin);
  const withKit = new Set(kits.map((k) => k.structureId));
  const candidates = structures.filter((s) => withKit.has(s.id));
  if (!candidates.length) throw new DemoError('Aucune structure APTICulteur avec un kit (abonnement) : rien à scanner. Chargez les données de démonstration (npm run db:seed).');
  const out: Scanner[] = [];
  for (const s of candidates) {
    if (out.length >= STRUCTURES) break;
    const reissued = await must<{ partnerApiKey: { key: string; prefix: string } }>(`Nouvelle clé partenaire pour ${s.name}`, 'POST', `/api/structures/${s.id}/reissue-api-key`, admin);
    const key = reissued.partnerApiKey.key;
    const offers = (await must<Offer[]>(`Catalogue de ${s.name}`, 'GET', '/api/partner/offers', key)).filter((o) => o.status === 'APPROVED');
    console.log(`  ${s.name} (${s.departement}) : clé partenaire remplacée (${reissued.partnerApiKey.prefix}…, l’ancienne est révoquée), ${offers.length} offre(s) approuvée(s)`);
    if (offers.length) out.push({ ...s, key, offers });
  }
  if (!out.length) throw new DemoError('Aucune des structures choisies n’a d’offre approuvée : rien à scanner.');
  return out;
}

/** The ACTIVE passes (up to 5,000), with their orders. */
async function activePasses(admin: string, filter: object = {}): Promise<{ passes: Pass[]; orders: Map<string, Order> }> {
  const passes: Pass[] = [];
  for (let from = 0; from < 5000; from += 1000) {
    const page = await must<Pass[]>('Liste des pass actifs', 'GET', list('passes', { filter: { status: 'ACTIVE', ...filter }, range: [from, from + 999], sort: ['barcode', 'ASC'] }), admin);
    passes.push(...page);
    if (page.length < 1000) break;
  }
  const orders = new Map<string, Order>();
  const ids = [...new Set(passes.map((p) => p.orderId))];
  for (let i = 0; i < ids.length; i += 200) {
    for (const o of await must<Order[]>('Commandes des pass', 'GET', list('orders', { filter: { id: ids.slice(i, i + 200) }, range: [0, 999] }), admin)) orders.set(o.id, o);
  }
  return { passes, orders };
}

/** FINANCE orders, issues and activates 30 booklets valid everywhere this year (no département restriction). */
async function newOrder(): Promise<string> {
  const finance = await login('FINANCE');
  const [sponsor] = await must<{ id: string; name: string }[]>('Liste des commanditaires', 'GET', list('sponsors', { range: [0, 0], sort: ['name', 'ASC'] }), finance);
  if (!sponsor) throw new DemoError('Aucun commanditaire dans la base : impossible de commander des pass.');
  const order = await must<Order>('Création d’une commande', 'POST', '/api/orders', finance, { sponsorId: sponsor.id, bookletCount: 30, validityYear: new Date().getFullYear() });
  console.log(`  FINANCE commande 30 carnets sans restriction de département pour ${sponsor.name} (${order.reference})…`);
  await must('Émission de la commande', 'POST', `/api/orders/${order.id}/issue`, finance);
  for (let waited = 0; ; waited += 500) {
    const now = await must<Order>('Suivi de la commande', 'GET', `/api/orders/${order.id}`, finance);
    if (now.status === 'AWAITING_PAYMENT') break;
    if (now.status !== 'DRAFT' || waited > 120_000) throw new DemoError(`La commande ${order.reference} n’a pas été émise (statut ${now.status}).`);
    await sleep(500);
  }
  await must('Activation de la commande', 'POST', `/api/orders/${order.id}/activate`, finance, { paymentOrderNumber: `DEMO-${Date.now()}` });
  console.log(`  ${order.reference} émise et activée : 300 pass actifs de plus.`);
  return order.id;
}

/** May this structure use a pass of this order today (départements, validity window)? */
function usableBy(order: Order | undefined, s: Structure, now = Date.now()): boolean {
  if (!order) return false;
  if (order.allowedDepartements.length && !order.allowedDepartements.includes(s.departement)) return false;
  if (order.validFrom && Date.parse(order.validFrom) > now) return false;
  if (order.validUntil && Date.parse(order.validUntil) < now) return false;
  return true;
}

interface Attempt {
  kind: string;
  scanner: Scanner;
  offer: Offer;
  barcodes: string[];
  key: string;
  /** The pass taken from the pool, given back if the attempt is refused all the same. */
  restore?: Pass[];
}

async function main() {
  console.log(`#APTIC — passages de démonstration vers ${BASE} (${RATE} par seconde${Number.isFinite(DURATION) ? `, ${DURATION} s` : ', Ctrl-C pour arrêter'})`);
  console.log('Base de démonstration uniquement : les clés partenaires des structures utilisées sont remplacées.\n');
  const health = await call('GET', '/api/health', null);
  if (health.status >= 500) console.log(`  (attention : /api/health répond ${health.status})`);
  const admin = await login('ADMIN');
  const chosen = await scanners(admin);

  let { passes, orders } = await activePasses(admin);
  const usable = () => passes.filter((p) => chosen.some((s) => usableBy(orders.get(p.orderId), s)));
  if (usable().length < MIN_PASSES) {
    console.log(`  ${usable().length} pass actifs utilisables par ces structures (moins de ${MIN_PASSES}).`);
    const orderId = await newOrder();
    const more = await activePasses(admin, { orderId });
    passes = [...passes, ...more.passes];
    more.orders.forEach((o, id) => orders.set(id, o));
  }
  // Passes that none of the chosen structures may use: only good for "outside its area" mistakes.
  const elsewhere = passes.filter((p) => !chosen.some((s) => usableBy(orders.get(p.orderId), s)));
  const pool = usable();
  console.log(`\n${chosen.length} structures, ${pool.length} pass actifs utilisables par l’une d’elles.\n`);

  const usedBarcodes: string[] = [];
  let lastAccepted: Attempt | null = null;
  const counts = new Map<string, number>();
  const tally = (label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);

  const take = (s: Scanner): Pass | undefined => {
    const i = pool.findIndex((p) => usableBy(orders.get(p.orderId), s));
    return i < 0 ? undefined : pool.splice(i, 1)[0];
  };
  const fresh = (s: Scanner) => pool.find((p) => usableBy(orders.get(p.orderId), s));
  /** Still active, but its order excludes this structure's département (or today). */
  const outOfArea = (s: Scanner) => pool.concat(elsewhere).find((p) => !usableBy(orders.get(p.orderId), s));

  /** The usual mistakes at a counter, in rough proportions (per 100 attempts); the rest are valid passes. */
  const mistakes: { share: number; make: (scanner: Scanner, offer: Offer) => Omit<Attempt, 'scanner' | 'offer' | 'key'> | Attempt | null }[] = [
    { share: 3, make: () => (lastAccepted ? { ...lastAccepted, kind: 'renvoi (même Idempotency-Key)' } : null) },
    {
      share: 4,
      make: (s) => {
        const p = fresh(s);
        return p ? { kind: 'clé de contrôle mal saisie', barcodes: [p.barcode.slice(0, 12) + String((Number(p.barcode[12]) + 1) % 10)] } : null;
      },
    },
    { share: 3, make: () => ({ kind: 'code inconnu', barcodes: [barcodeFromSerial(randomSerial())] }) },
    { share: 4, make: () => (usedBarcodes.length ? { kind: 'pass déjà utilisé', barcodes: [pick(usedBarcodes)] } : null) },
    {
      share: 3,
      make: (s) => {
        const first = pool.find((x) => usableBy(orders.get(x.orderId), s) && pool.some((y) => y !== x && y.bookletId === x.bookletId));
        const second = first && pool.find((y) => y !== first && y.bookletId === first.bookletId);
        return first && second ? { kind: 'deux pass du même carnet', barcodes: [first.barcode, second.barcode] } : null;
      },
    },
    {
      share: 3,
      make: (s) => {
        const p = outOfArea(s);
        return p ? { kind: 'pass hors de son territoire', barcodes: [p.barcode] } : null;
      },
    },
  ];

  /** What the next scanner does: mostly a valid pass, sometimes one of the usual mistakes. */
  const nextAttempt = (): Attempt | null => {
    // A structure that still has a pass it may take (the demo's restricted orders cover few départements).
    const scanner = pick(chosen.filter((s) => fresh(s)));
    if (!scanner) return null;
    const offer = pick(scanner.offers);
    let roll = Math.random() * 100;
    for (const m of mistakes) {
      roll -= m.share;
      if (roll < 0) {
        const made = m.make(scanner, offer);
        if (made) return 'scanner' in made ? made : { scanner, offer, key: randomUUID(), ...made };
        break;
      }
    }
    const pass = take(scanner)!;
    return { scanner, offer, key: randomUUID(), kind: 'pass valide', barcodes: [pass.barcode], restore: [pass] };
  };

  const send = async (a: Attempt) => {
    const res = await call<any>('POST', '/api/partner/redemptions', a.scanner.key, { offerId: a.offer.id, barcodes: a.barcodes }, { 'Idempotency-Key': a.key });
    const who = `${a.scanner.name} — ${a.offer.title}`;
    const codes = a.barcodes.join(' + ');
    if (res.status === 201) {
      const replay = a.kind.startsWith('renvoi');
      tally(replay ? 'renvoi : première réponse rejouée' : 'accepté');
      if (!replay) {
        usedBarcodes.push(...a.barcodes);
        lastAccepted = a;
      }
      console.log(`${time()}  ✔ accepté   ${codes}  ${euros(res.body.totalValueCents ?? 0)}  ${who}${replay ? `  [renvoi avec la même Idempotency-Key : réponse d’origine rejouée (passage ${String(res.body.id).slice(0, 8)}), rien de plus encaissé]` : ''}`);
    } else if (res.status === 422) {
      const scans: { barcode: string; reason: string | null; message: string }[] = res.body?.details?.scans ?? [];
      const refused = scans.filter((s) => s.reason);
      for (const s of refused) tally(s.reason!);
      const why = refused.map((s) => `${s.reason} : ${s.message}`).join(' ; ') || res.body?.message;
      console.log(`${time()}  ✘ refusé    ${codes}  (${a.kind}) ${why}  ${who}`);
      // A valid pass refused all the same (another reason) is still active: back to the pool.
      if (a.restore) pool.push(...a.restore);
    } else {
      tally(`erreur ${res.status}`);
      console.log(`${time()}  ! erreur ${res.status}  ${codes}  ${res.body?.message ?? String(res.body).slice(0, 200)}`);
    }
  };

  let stopping = false;
  const summary = () => {
    console.log(`\nRésumé : ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ') || 'aucun passage'}.`);
  };
  process.on('SIGINT', () => {
    if (stopping) process.exit(130);
    stopping = true;
  });

  const started = Date.now();
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; !stopping && Date.now() - started < DURATION * 1000; i++) {
    const due = started + (i * 1000) / RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    if (stopping) break;
    let attempt = nextAttempt();
    if (!attempt) {
      console.log('\nPlus de pass actifs utilisables : une nouvelle commande…');
      const orderId = await newOrder();
      const more = await activePasses(admin, { orderId });
      more.orders.forEach((o, id) => orders.set(id, o));
      passes = [...passes, ...more.passes];
      pool.push(...more.passes);
      attempt = nextAttempt();
      if (!attempt) throw new DemoError('Toujours aucun pass utilisable après une nouvelle commande.');
    }
    const p = send(attempt).catch((error) => {
      if (error instanceof DemoError) {
        console.error(`\n${error.message}`);
        stopping = true;
      } else throw error;
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }
  await Promise.all(inFlight);
  summary();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof DemoError ? `\n${error.message}` : error);
    process.exit(1);
  },
);
