import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { expectLedgerInvariants } from '../support/ledger';
import { expectErrorShape, startTestApp, TestApp } from '../support/test-app';
import { approvedOffer, makeOrder, mistyped, OrderFixture, partnerKey, unknownBarcode } from './support';

/**
 * POST /api/partner/redemptions (issue 12, SPEC §3 "Scanning"): every reason code, all or
 * nothing, the booklet and pass-count rules, restrictions of the order, idempotency, the kit's
 * billing start, bad input; the ledger invariants after each test.
 */
let t: TestApp;
let prisma: PrismaClient;

interface Party {
  id: string;
  name: string;
  departement: string;
  key: string;
}
let a: Party; // eligible, kit active
let b: Party; // eligible, kit active, another structure
let pending: Party; // eligible, kit ordered, billing not started
let noKit: Party; // eligible, no kit
let suspended: Party;
let offer10: string; // A, approved, 10 €
let offer15: string; // A, approved, 15 €
let offerPending: string; // A, pending review
let offerOfB: string;
let open: OrderFixture; // active, valid everywhere

async function party(where: object): Promise<Party> {
  const s = await prisma.structure.findFirstOrThrow({ where, orderBy: { name: 'asc' } });
  return { id: s.id, name: s.name, departement: s.departement, key: await partnerKey(prisma, s.id) };
}

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
  a = await party({ status: 'ELIGIBLE', subscriptions: { some: { status: 'ACTIVE' } } });
  b = await party({ status: 'ELIGIBLE', subscriptions: { some: { status: 'ACTIVE' } }, id: { not: a.id } });
  pending = await party({ status: 'ELIGIBLE', subscriptions: { some: { status: 'PENDING' }, none: { status: 'ACTIVE' } } });
  noKit = await party({ status: 'ELIGIBLE', id: { notIn: [a.id, b.id, pending.id] } });
  await prisma.subscription.updateMany({ where: { structureId: noKit.id }, data: { status: 'CANCELLED', cancelledAt: new Date() } });
  suspended = await party({ status: 'SUSPENDED' });
  offer10 = (await approvedOffer(prisma, a.id, 1000)).id;
  offer15 = (await approvedOffer(prisma, a.id, 1500)).id;
  offerPending = (await approvedOffer(prisma, a.id, 1000, 'PENDING_REVIEW')).id;
  offerOfB = (await approvedOffer(prisma, b.id, 1000)).id;
  open = await makeOrder(prisma, { booklets: 12 });
});
afterAll(async () => {
  await t?.close();
});
afterEach(async () => {
  await expectLedgerInvariants(prisma);
});

const used = new Map<number, number>();
/** The next unused active pass of booklet `booklet` of the open order (10 per booklet). */
const freshOf = (booklet: number) => {
  const i = used.get(booklet) ?? 0;
  if (i >= 10) throw new Error(`booklet ${booklet} of the fixture is used up`);
  used.set(booklet, i + 1);
  return open.booklets[booklet][i];
};
let spare = 0;
/** An unused active pass where its booklet does not matter (booklets 6 to 11). */
const freshAny = () => {
  spare += 1;
  return open.booklets[6 + Math.floor((spare - 1) / 10)][(spare - 1) % 10];
};

function redeem(who: Party | string, body: unknown, idempotencyKey?: string) {
  const req = t.http.post('/api/partner/redemptions').set('Authorization', `Bearer ${typeof who === 'string' ? who : who.key}`);
  if (idempotencyKey !== undefined) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body as object);
}

const reasonsOf = (res: { body: any }) => (res.body.details?.scans ?? res.body.scans).map((s: any) => s.reason);
const floatBalance = async () => {
  const rows = await prisma.ledgerEntry.findMany({ where: { account: 'PASS_FLOAT' } });
  return rows.reduce((s, r) => s + r.creditCents - r.debitCents, 0);
};

describe('an accepted redemption', () => {
  it('redeems the pass, records the scan, moves the float to the structure and answers for a scanner screen', async () => {
    const pass = freshOf(0);
    const before = await floatBalance();
    const res = await redeem(a, { offerId: offer10, barcodes: [pass.barcode] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        status: 'ACCEPTED',
        offerId: offer10,
        passCount: 1,
        totalValueCents: 1000,
        message: expect.stringContaining('Passage accepté'),
        scans: [expect.objectContaining({ barcode: pass.barcode, outcome: 'ACCEPTED', reason: null, valueCents: 1000, message: 'Accepté : 10,00 €' })],
      }),
    );
    const stored = await prisma.pass.findUniqueOrThrow({ where: { id: pass.id } });
    expect(stored.status).toBe('REDEEMED');
    expect(stored.redeemedAt).not.toBeNull();
    const scans = await prisma.scan.findMany({ where: { passId: pass.id } });
    expect(scans).toEqual([expect.objectContaining({ outcome: 'ACCEPTED', structureId: a.id, offerId: offer10, valueCents: 1000, redemptionId: res.body.id })]);
    const lines = await prisma.ledgerEntry.findMany({ where: { recordId: res.body.id } });
    expect(lines.map((l) => [l.event, l.account, l.debitCents, l.creditCents]).sort()).toEqual([
      ['REDEMPTION_ACCEPTED', 'PASS_FLOAT', 1000, 0],
      ['REDEMPTION_ACCEPTED', `STRUCTURE:${a.id}`, 0, 1000],
    ]);
    expect(await floatBalance()).toBe(before - 1000);
    const audit = await prisma.auditEvent.findMany({ where: { resource: 'redemptions', recordId: res.body.id } });
    expect(audit).toEqual([expect.objectContaining({ action: 'redeem', actorType: 'PARTNER', actorId: a.id })]);
  });

  it('takes ceil(price / pass value) passes of different booklets for a 15 € service', async () => {
    const res = await redeem(a, { offerId: offer15, barcodes: [freshOf(1).barcode, freshOf(2).barcode] });
    expect(res.status).toBe(201);
    expect(res.body.totalValueCents).toBe(2000);
    expect(res.body.passCount).toBe(2);
  });
});

describe('each reason code', () => {
  it('PASS_ALREADY_USED says when and where the pass was used', async () => {
    const pass = freshOf(0);
    expect((await redeem(a, { offerId: offer10, barcodes: [pass.barcode] })).status).toBe(201);
    const res = await redeem(b, { offerId: offerOfB, barcodes: [pass.barcode] });
    expect(res.status).toBe(422);
    expectErrorShape(res.body, 422);
    expect(reasonsOf(res)).toEqual(['PASS_ALREADY_USED']);
    const message: string = res.body.details.scans[0].message;
    expect(message).toContain('Pass déjà utilisé');
    expect(message).toContain(a.name);
    expect(message).toMatch(/le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
    expect((await prisma.scan.findMany({ where: { passId: pass.id, outcome: 'REJECTED' } })).map((s) => [s.structureId, s.reason])).toEqual([[b.id, 'PASS_ALREADY_USED']]);
  });

  it('INVALID_BARCODE for a mistyped code, distinct from UNKNOWN_PASS for a well-formed one nobody issued', async () => {
    const pass = freshOf(0);
    const res = await redeem(a, { offerId: offer10, barcodes: [mistyped(pass.barcode)] });
    expect(res.status).toBe(422);
    expect(reasonsOf(res)).toEqual(['INVALID_BARCODE']);
    expect(reasonsOf(await redeem(a, { offerId: offer10, barcodes: ['12345'] }))).toEqual(['INVALID_BARCODE']);
    expect(reasonsOf(await redeem(a, { offerId: offer10, barcodes: [unknownBarcode()] }))).toEqual(['UNKNOWN_PASS']);
    // The mistyped attempt is recorded as typed, without a pass.
    expect(await prisma.scan.findFirst({ where: { barcode: mistyped(pass.barcode) } })).toEqual(expect.objectContaining({ passId: null, reason: 'INVALID_BARCODE', outcome: 'REJECTED' }));
    expect((await prisma.pass.findUniqueOrThrow({ where: { id: pass.id } })).status).toBe('ACTIVE');
  });

  it('PASS_INACTIVE for an order not paid, PASS_CANCELLED for a cancelled pass', async () => {
    const unpaid = await makeOrder(prisma, { active: false, booklets: 1 });
    expect(reasonsOf(await redeem(a, { offerId: offer10, barcodes: [unpaid.booklets[0][0].barcode] }))).toEqual(['PASS_INACTIVE']);
    await prisma.pass.update({ where: { id: unpaid.booklets[0][1].id }, data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: 'carnet volé' } });
    expect(reasonsOf(await redeem(a, { offerId: offer10, barcodes: [unpaid.booklets[0][1].barcode] }))).toEqual(['PASS_CANCELLED']);
  });

  it('PASS_EXPIRED past the grace date of its year, and outside the order’s date window', async () => {
    const old = await makeOrder(prisma, { validityYear: 2025, booklets: 1 });
    const res = await redeem(a, { offerId: offer10, barcodes: [old.booklets[0][0].barcode] });
    expect(reasonsOf(res)).toEqual(['PASS_EXPIRED']);
    expect(res.body.details.scans[0].message).toContain('31/01/2026');
    const ended = await makeOrder(prisma, { validUntil: new Date(Date.now() - 86_400_000), booklets: 1 });
    expect(reasonsOf(await redeem(a, { offerId: offer10, barcodes: [ended.booklets[0][0].barcode] }))).toEqual(['PASS_EXPIRED']);
    const later = await makeOrder(prisma, { validFrom: new Date(Date.now() + 86_400_000), booklets: 1 });
    const early = await redeem(a, { offerId: offer10, barcodes: [later.booklets[0][0].barcode] });
    expect(reasonsOf(early)).toEqual(['PASS_INACTIVE']);
    expect(early.body.details.scans[0].message).toContain('à partir du');
  });

  it('OUT_OF_AREA for an order restricted to other départements; accepted in its own', async () => {
    const elsewhere = a.departement === '971' ? '972' : '971';
    const restricted = await makeOrder(prisma, { allowedDepartements: [elsewhere], booklets: 1 });
    const res = await redeem(a, { offerId: offer10, barcodes: [restricted.booklets[0][0].barcode] });
    expect(reasonsOf(res)).toEqual(['OUT_OF_AREA']);
    expect(res.body.details.scans[0].message).toContain(elsewhere);
    const local = await makeOrder(prisma, { allowedDepartements: [a.departement], booklets: 1 });
    expect((await redeem(a, { offerId: offer10, barcodes: [local.booklets[0][0].barcode] })).status).toBe(201);
  });

  it('STRUCTURE_NOT_ELIGIBLE: a suspended structure’s attempt is recorded and refused', async () => {
    const pass = freshAny();
    const offer = await approvedOffer(prisma, suspended.id, 1000);
    await prisma.subscription.updateMany({ where: { structureId: suspended.id }, data: { status: 'ACTIVE' } });
    const res = await redeem(suspended, { offerId: offer.id, barcodes: [pass.barcode] });
    expect(res.status).toBe(422);
    expect(reasonsOf(res)).toEqual(['STRUCTURE_NOT_ELIGIBLE']);
    expect(await prisma.scan.findFirst({ where: { passId: pass.id } })).toEqual(expect.objectContaining({ structureId: suspended.id, reason: 'STRUCTURE_NOT_ELIGIBLE' }));
    expect((await prisma.pass.findUniqueOrThrow({ where: { id: pass.id } })).status).toBe('ACTIVE');
    // Its other partner calls stay refused.
    expect((await t.http.get('/api/partner/me').set('Authorization', `Bearer ${suspended.key}`)).status).toBe(403);
  });

  it('NO_SUBSCRIPTION without a kit', async () => {
    const offer = await approvedOffer(prisma, noKit.id, 1000);
    expect(reasonsOf(await redeem(noKit, { offerId: offer.id, barcodes: [freshAny().barcode] }))).toEqual(['NO_SUBSCRIPTION']);
  });

  it('OFFER_NOT_APPROVED for an offer under review; OFFER_NOT_OWNED for another structure’s offer or an unknown one', async () => {
    expect(reasonsOf(await redeem(a, { offerId: offerPending, barcodes: [freshAny().barcode] }))).toEqual(['OFFER_NOT_APPROVED']);
    expect(reasonsOf(await redeem(a, { offerId: offerOfB, barcodes: [freshAny().barcode] }))).toEqual(['OFFER_NOT_OWNED']);
    expect(reasonsOf(await redeem(a, { offerId: '00000000-0000-4000-8000-000000000000', barcodes: [freshAny().barcode] }))).toEqual(['OFFER_NOT_OWNED']);
    // The scan of another structure's offer does not point at that offer.
    const scan = await prisma.scan.findFirst({ where: { structureId: a.id, reason: 'OFFER_NOT_OWNED' } });
    expect(scan?.offerId).toBeNull();
  });

  it('SAME_BOOKLET for a second pass of one booklet, TOO_MANY_PASSES beyond the price, DUPLICATE_IN_REQUEST for a pass twice', async () => {
    const [p1, p2] = [freshOf(4), freshOf(4)];
    const same = await redeem(a, { offerId: offer15, barcodes: [p1.barcode, p2.barcode] });
    expect(reasonsOf(same)).toEqual([null, 'SAME_BOOKLET']);
    const tooMany = await redeem(a, { offerId: offer10, barcodes: [p1.barcode, freshOf(5).barcode] });
    expect(reasonsOf(tooMany)).toEqual([null, 'TOO_MANY_PASSES']);
    const twice = await redeem(a, { offerId: offer10, barcodes: [p1.barcode, p1.barcode] });
    expect(reasonsOf(twice)).toEqual([null, 'DUPLICATE_IN_REQUEST']);
    expect(twice.body.details.scans[0].message).toContain('Non encaissé');
  });
});

describe('all or nothing', () => {
  it('refuses every pass when one is refused: the good one stays ACTIVE, both attempts are recorded, no money moves', async () => {
    const good = freshOf(5);
    const before = await floatBalance();
    const res = await redeem(a, { offerId: offer15, barcodes: [good.barcode, unknownBarcode()] });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/Passage refusé : 1 pass sur 2 est refusé \(Pass inconnu\)/);
    expect(res.body.details).toEqual(expect.objectContaining({ id: expect.any(String), status: 'REJECTED' }));
    expect((await prisma.pass.findUniqueOrThrow({ where: { id: good.id } })).status).toBe('ACTIVE');
    const scans = await prisma.scan.findMany({ where: { redemptionId: res.body.details.id }, orderBy: { barcode: 'asc' } });
    expect(scans).toHaveLength(2);
    expect(scans.every((s) => s.outcome === 'REJECTED' && s.valueCents === 0)).toBe(true);
    expect(await prisma.redemption.findUniqueOrThrow({ where: { id: res.body.details.id } })).toEqual(expect.objectContaining({ status: 'REJECTED', totalValueCents: 0, passCount: 2 }));
    expect(await floatBalance()).toBe(before);
    expect(await prisma.ledgerEntry.count({ where: { recordId: res.body.details.id } })).toBe(0);
  });
});

describe('Idempotency-Key', () => {
  it('gives the first answer to a retry with the same body, and changes nothing', async () => {
    const pass = freshOf(5);
    const body = { offerId: offer10, barcodes: [pass.barcode] };
    const first = await redeem(a, body, 'scan-42-retry');
    const again = await redeem(a, body, 'scan-42-retry');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await prisma.redemption.count({ where: { idempotencyKey: 'scan-42-retry' } })).toBe(1);
    expect(await prisma.scan.count({ where: { passId: pass.id } })).toBe(1);
    expect(await prisma.ledgerEntry.count({ where: { recordId: first.body.id } })).toBe(2);
  });

  it('repeats a refusal the same way', async () => {
    const body = { offerId: offer10, barcodes: [unknownBarcode()] };
    const first = await redeem(a, body, 'refused-1');
    const again = await redeem(a, body, 'refused-1');
    expect([first.status, again.status]).toEqual([422, 422]);
    // The same answer; only the request id of the error body is this request's own.
    const { requestId: _first, ...firstAnswer } = first.body;
    const { requestId: _again, ...againAnswer } = again.body;
    expect(againAnswer).toEqual(firstAnswer);
    expect(firstAnswer.details.scans[0].reason).toBe('UNKNOWN_PASS');
    expect(await prisma.scan.count({ where: { barcode: body.barcodes[0] } })).toBe(1);
  });

  it('refuses the same key with another body (422), changing nothing', async () => {
    const first = await redeem(a, { offerId: offer10, barcodes: [freshOf(5).barcode] }, 'key-reused');
    expect(first.status).toBe(201);
    const other = freshOf(5);
    const res = await redeem(a, { offerId: offer10, barcodes: [other.barcode] }, 'key-reused');
    expect(res.status).toBe(422);
    expectErrorShape(res.body, 422);
    expect(res.body.message).toContain('Idempotency-Key');
    expect((await prisma.pass.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('ACTIVE');
    expect(await prisma.scan.count({ where: { passId: other.id } })).toBe(0);
  });

  it('keeps one answer for concurrent requests with the same key', async () => {
    const pass = freshOf(5);
    const body = { offerId: offer10, barcodes: [pass.barcode] };
    const answers = await Promise.all(Array.from({ length: 8 }, () => redeem(a, body, 'concurrent-key')));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(await prisma.redemption.count({ where: { idempotencyKey: 'concurrent-key' } })).toBe(1);
    expect(await prisma.scan.count({ where: { passId: pass.id } })).toBe(1);
  });

  it('is per structure: another structure may use the same key', async () => {
    const offer = await approvedOffer(prisma, b.id, 1000);
    const res = await redeem(b, { offerId: offer.id, barcodes: [freshAny().barcode] }, 'scan-42-retry');
    expect(res.status).toBe(201);
  });
});

describe('exactly once on one instance', () => {
  it('accepts a pass sent by 20 concurrent requests once', async () => {
    const pass = freshAny();
    const before = await floatBalance();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => redeem(i % 2 ? a : b, { offerId: i % 2 ? offer10 : offerOfB, barcodes: [pass.barcode] })));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 422).every((r) => reasonsOf(r)[0] === 'PASS_ALREADY_USED')).toBe(true);
    expect(await prisma.scan.count({ where: { passId: pass.id, outcome: 'ACCEPTED' } })).toBe(1);
    expect(await floatBalance()).toBe(before - 1000);
  });
});

describe('the kit’s billing', () => {
  it('starts at the first accepted scan, on that scan’s Paris date; a refusal does not start it', async () => {
    const offer = await approvedOffer(prisma, pending.id, 1000);
    await redeem(pending, { offerId: offer.id, barcodes: [unknownBarcode()] });
    expect((await prisma.subscription.findFirstOrThrow({ where: { structureId: pending.id, status: { in: ['PENDING', 'ACTIVE'] } } })).status).toBe('PENDING');
    const res = await redeem(pending, { offerId: offer.id, barcodes: [freshAny().barcode] });
    expect(res.status).toBe(201);
    const sub = await prisma.subscription.findFirstOrThrow({ where: { structureId: pending.id, status: 'ACTIVE' } });
    const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(res.body.createdAt));
    expect(sub.startedAt?.toISOString().slice(0, 10)).toBe(paris);
    expect(await prisma.auditEvent.count({ where: { resource: 'subscriptions', recordId: sub.id, action: 'start-billing' } })).toBe(1);
    // The second scan leaves it as it is.
    expect((await redeem(pending, { offerId: offer.id, barcodes: [freshOf(4).barcode] })).status).toBe(201);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: sub.id } })).startedAt).toEqual(sub.startedAt);
  });
});

describe('bad input', () => {
  it('is a 400 with words, records nothing', async () => {
    const scansBefore = await prisma.scan.count();
    const cases: [unknown, string][] = [
      [{ barcodes: [freshAny().barcode] }, 'offerId'],
      [{ offerId: offer10 }, 'barcodes'],
      [{ offerId: offer10, barcodes: [] }, 'barcodes'],
      [{ offerId: offer10, barcodes: '2000000000000' }, 'barcodes'],
      [{ offerId: offer10, barcodes: [12] }, 'barcodes'],
      [{ offerId: offer10, barcodes: Array(21).fill('2000000000000') }, 'barcodes'],
      [{ offerId: offer10, barcodes: ['x'.repeat(65)] }, 'barcodes'],
      [{ offerId: offer10, barcodes: ['2000\u0000'] }, 'barcodes'],
      [{ offerId: "' OR 1=1 --", barcodes: ['2000000000000'] }, 'offerId'],
      [{ offerId: offer10, barcodes: ['2000000000000'], locationId: 42 }, 'locationId'],
    ];
    for (const [body, field] of cases) {
      const res = await redeem(a, body);
      expect([res.status, JSON.stringify(res.body)]).toEqual([400, expect.stringContaining(field)]);
      expectErrorShape(res.body, 400);
    }
    for (const raw of ['{"offerId":"x","__proto__":{"admin":true},"barcodes":["1"]}', '{"constructor":{"prototype":{}},"offerId":"a","barcodes":[]}', '[' .repeat(5000) + ']'.repeat(5000)]) {
      const res = await t.http.post('/api/partner/redemptions').set('Authorization', `Bearer ${a.key}`).set('Content-Type', 'application/json').send(raw);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await prisma.scan.count()).toBe(scansBefore);
  });

  it('refuses a bad Idempotency-Key, a place of another structure, a missing or revoked key', async () => {
    const body = { offerId: offer10, barcodes: [freshAny().barcode] };
    const badKey = await redeem(a, body, 'é'.repeat(3));
    expect(badKey.status).toBe(400);
    expect(badKey.body.message).toContain('Idempotency-Key');
    expect((await redeem(a, { ...body }, 'x'.repeat(101))).status).toBe(400);
    const otherPlace = await prisma.location.findFirstOrThrow({ where: { structureId: b.id } });
    const place = await redeem(a, { ...body, locationId: otherPlace.id });
    expect(place.status).toBe(400);
    expect(place.body.message).toContain('lieu');
    expect((await t.http.post('/api/partner/redemptions').send(body)).status).toBe(401);
    const revoked = await partnerKey(prisma, a.id);
    await prisma.partnerApiKey.update({ where: { prefix: revoked.split('_')[1] }, data: { revokedAt: new Date() } });
    expect((await redeem(revoked, body)).status).toBe(401);
    // Staff tokens are not partner keys.
    expect((await redeem(await t.token('ADMIN'), body)).status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('describes the redemption: its body, the Idempotency-Key header, the 201 and the 422 with per-barcode reasons', async () => {
    const doc = (await t.http.get('/api/docs/openapi.json')).body;
    const op = doc.paths['/api/partner/redemptions'].post;
    const schema = (ref: string) => doc.components.schemas[ref.split('/').pop()!];
    expect(Object.keys(schema(op.requestBody.content['application/json'].schema.$ref).properties).sort()).toEqual(['barcodes', 'locationId', 'offerId']);
    expect(op.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'Idempotency-Key' })]));
    const accepted = schema(op.responses['201'].content['application/json'].schema.$ref);
    expect(accepted.properties.scans.items.$ref).toContain('ScanAnswerDto');
    const refused = schema(op.responses['422'].content['application/json'].schema.$ref);
    const details = schema(refused.properties.details.allOf?.[0]?.$ref ?? refused.properties.details.$ref);
    expect(schema(details.properties.scans.items.$ref).properties.reason.enum).toEqual(expect.arrayContaining(['PASS_ALREADY_USED', 'INVALID_BARCODE']));
  });
});
