/**
 * The `scans/live` topic (SPEC §4 "Real time", issue 12): staff who may read scans follow every
 * attempt as RealtimeService.publishLiveScans emits it (after a partner redemption committed); nobody else hears of it.
 */
import { Socket } from 'socket.io-client';
import { RealtimeService } from '../../server/src/realtime/realtime.service';
import { SCAN_REASON_LABELS, type LiveScan } from '../../server/src/rules/scan-reasons';
import { ROLES, startTestApp, TestApp } from '../support/test-app';
import { collect, connect, connected, subscribe, waitFor } from '../support/sockets';
import { approvedOffer, makeOrder, mistyped, partnerKey } from '../scanning/support';

let t: TestApp;
const sockets: Socket[] = [];
const open = async (token: string) => {
  const s = connect(t.baseUrl, token);
  sockets.push(s);
  await connected(s);
  return s;
};
const unsubscribe = (socket: Socket, topic: string): Promise<{ ok: boolean; error?: string }> => socket.timeout(5000).emitWithAck('unsubscribe', { topic });

/** Live scans made of demo records: a real structure, its offer, a real pass. */
let accepted: LiveScan;
let refused: LiveScan;

beforeAll(async () => {
  t = await startTestApp();
  const auth = { Authorization: `Bearer ${await t.token('ADMIN')}` };
  const [scan] = (await t.http.get('/api/scans?filter={"outcome":"ACCEPTED"}&range=[0,0]').set(auth)).body;
  const structure = (await t.http.get(`/api/structures/${scan.structureId}`).set(auth)).body;
  const offer = (await t.http.get(`/api/offers/${scan.offerId}`).set(auth)).body;
  accepted = {
    id: scan.id,
    scannedAt: new Date().toISOString(),
    redemptionId: scan.redemptionId,
    structureId: structure.id,
    structureName: structure.name,
    departement: structure.departement,
    offerId: offer.id,
    serviceLabel: offer.title,
    passId: scan.passId,
    barcode: scan.barcode,
    outcome: 'ACCEPTED',
    reason: null,
    reasonLabel: null,
    valueCents: scan.valueCents,
    forced: false,
  };
  refused = { ...accepted, id: `${scan.id}-again`, outcome: 'REJECTED', reason: 'PASS_ALREADY_USED', reasonLabel: SCAN_REASON_LABELS.PASS_ALREADY_USED, valueCents: 0 };
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await t.close();
});

const live = () => t.started.app.get(RealtimeService);
const liveEvents = (events: ReturnType<typeof collect>) => events.filter((e) => e.topic === 'scans/live');

describe('the scans/live topic', () => {
  it.each(ROLES)('lets %s follow it (every role reads scans)', async (role) => {
    const socket = await open(await t.token(role));
    expect(await subscribe(socket, 'scans/live')).toEqual({ ok: true, topic: 'scans/live' });
  });

  it('delivers the scans of one redemption, as published, to a subscribed socket', async () => {
    const socket = await open(await t.token('SUPPORT'));
    const events = collect(socket);
    await subscribe(socket, 'scans/live');
    live().publishLiveScans([refused, accepted]);
    const event = await waitFor(events, (e) => e.topic === 'scans/live');
    expect(event).toEqual({ topic: 'scans/live', type: 'created', payload: { scans: [refused, accepted] } });
    expect(event.payload.scans[0].reasonLabel).toBe('Pass déjà utilisé');
  });

  it('sends nothing to a socket that did not subscribe, or that left the topic', async () => {
    const bystander = await open(await t.token('SUPPORT'));
    const leaver = await open(await t.token('FINANCE'));
    const witness = await open(await t.token('ADMIN'));
    const [bystanderEvents, leaverEvents, witnessEvents] = [collect(bystander), collect(leaver), collect(witness)];
    await subscribe(leaver, 'scans/live');
    expect(await unsubscribe(leaver, 'scans/live')).toEqual({ ok: true, topic: 'scans/live' });
    await subscribe(witness, 'scans/live');

    live().publishLiveScans([accepted]);
    // The witness proves the event went out; the others, in the same process, had their chance.
    await waitFor(witnessEvents, (e) => e.topic === 'scans/live');
    await new Promise((r) => setTimeout(r, 200));
    expect(liveEvents(bystanderEvents)).toEqual([]);
    expect(liveEvents(leaverEvents)).toEqual([]);
  });

  it('publishes nothing for an empty list of scans', async () => {
    const socket = await open(await t.token('SUPPORT'));
    const events = collect(socket);
    await subscribe(socket, 'scans/live');
    live().publishLiveScans([]);
    live().publishLiveScans([accepted]);
    await waitFor(events, (e) => e.topic === 'scans/live');
    await new Promise((r) => setTimeout(r, 200));
    expect(liveEvents(events)).toHaveLength(1);
  });

  it('carries a partner’s redemption to a subscriber once committed, every attempt in words', async () => {
    const prisma = t.started.deps.db.prisma;
    const structure = await prisma.structure.findFirstOrThrow({ where: { status: 'ELIGIBLE', subscriptions: { some: { status: 'ACTIVE' } } }, orderBy: { name: 'asc' } });
    const key = await partnerKey(prisma, structure.id);
    const offer = await approvedOffer(prisma, structure.id, 2000);
    const order = await makeOrder(prisma, { booklets: 2 });
    const [good, other] = [order.booklets[0][0], order.booklets[1][0]];
    const socket = await open(await t.token('SUPPORT'));
    const events = collect(socket);
    await subscribe(socket, 'scans/live');
    const redeem = (barcodes: string[]) =>
      t.http.post('/api/partner/redemptions').set('Authorization', `Bearer ${key}`).send({ offerId: offer.id, barcodes });

    const accepted = await redeem([good.barcode, other.barcode]);
    expect(accepted.status).toBe(201);
    const first = await waitFor(events, (e) => e.topic === 'scans/live');
    expect(first.payload.scans).toEqual(
      [good, other].map((pass) =>
        expect.objectContaining({ barcode: pass.barcode, passId: pass.id, outcome: 'ACCEPTED', reason: null, structureId: structure.id, structureName: structure.name, departement: structure.departement, offerId: offer.id, serviceLabel: offer.title, redemptionId: accepted.body.id }),
      ),
    );
    // Published after the commit: the scans are there when the event arrives.
    const ids = first.payload.scans.map((s: LiveScan) => s.id).sort();
    expect((await prisma.scan.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((s) => s.id).sort()).toEqual(ids);

    const refused = await redeem([good.barcode, mistyped(other.barcode)]);
    expect(refused.status).toBe(422);
    const second = await waitFor(events, (e) => e.topic === 'scans/live' && e !== first);
    expect(second.payload.scans.map((s: LiveScan) => [s.outcome, s.reason])).toEqual([
      ['REJECTED', 'PASS_ALREADY_USED'],
      ['REJECTED', 'INVALID_BARCODE'],
    ]);
    expect(second.payload.scans[0].reasonLabel).toMatch(new RegExp(`^Pass déjà utilisé — .*${structure.name}`));
    expect(second.payload.scans[1].reasonLabel).toMatch(/^Code-barres invalide/);
    expect(liveEvents(events)).toHaveLength(2);
  });

  it.each(['scans/dead', 'scans/live/x', 'scans', 'Scans/Live', 'scans/live '])('still refuses the unknown topic %j', async (topic) => {
    const socket = await open(await t.token('SUPPORT'));
    const ack = await subscribe(socket, topic);
    expect(ack.ok).toBe(false);
    expect(ack.error).toMatch(/Sujet inconnu/);
  });
});
