/**
 * `npm run demo:scans` (issue 12): realistic redemptions sent through the partner API of a running
 * server, accepted and refused, each one on the live feed a newcomer watches.
 */
import { Socket } from 'socket.io-client';
import { runDemoScans } from '../../server/src/seed/demo-scans';
import type { LiveScan } from '../../server/src/rules/scan-reasons';
import { collect, connect, connected, subscribe } from '../support/sockets';
import { demoAccount, startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let socket: Socket;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  socket?.disconnect();
  await t?.close();
});

it('sends redemptions through the partner API, accepted and refused, each on scans/live', async () => {
  const prisma = t.started.deps.db.prisma;
  socket = connect(t.baseUrl, await t.token('SUPPORT'));
  await connected(socket);
  const events = collect(socket);
  await subscribe(socket, 'scans/live');
  const scansBefore = await prisma.scan.count();
  const lines: string[] = [];
  const admin = demoAccount('ADMIN');

  const result = await runDemoScans({ baseUrl: t.baseUrl, email: admin.email, password: admin.password, count: 40, ratePerSecond: 1000, log: (line) => lines.push(line) });

  expect(result.accepted + result.refused).toBe(40);
  expect(result.accepted).toBeGreaterThan(0);
  expect(result.refused).toBeGreaterThan(0);
  // One pass per redemption, every attempt recorded.
  expect(await prisma.scan.count()).toBe(scansBefore + 40);
  const accepted = await prisma.redemption.count({ where: { status: 'ACCEPTED', createdAt: { gte: new Date(Date.now() - 120_000) } } });
  expect(accepted).toBe(result.accepted);
  for (let i = 0; i < 100 && events.length < 40; i++) await new Promise((r) => setTimeout(r, 50));
  const live = events.flatMap((e) => e.payload.scans as LiveScan[]);
  expect(live).toHaveLength(40);
  expect(live.filter((s) => s.outcome === 'REJECTED').every((s) => s.reasonLabel)).toBe(true);
  expect(new Set(live.map((s) => s.reason).filter(Boolean)).size).toBeGreaterThan(1);
  // Each line says what a counter would see, in French.
  expect(lines.filter((l) => /^[✔✘] \d{13} /.test(l))).toHaveLength(40);
  expect(lines.find((l) => l.startsWith('✘'))).toMatch(/ : (Pass|Code-barres|Hors)/);
});
