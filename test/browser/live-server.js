/**
 * The built server (server/dist), started as server/dist/main.js starts it, plus an IPC channel
 * for test/browser/live-scans.browser.ts: a message `{ id, publishLiveScans: LiveScan[] }` is
 * published on scans/live through RealtimeService — the call the redemption endpoint makes after
 * its commit — `{ id, roomSize: 'scans/live' }` answers how many sockets follow that room, and
 * `{ id, partnerKey: structureId }` issues a partner API key for a structure, as approval does.
 * Plain JavaScript on the built code: no TypeScript loader, no jest VM in the server's way.
 */
require('reflect-metadata');
const path = require('path');
const dist = path.resolve(__dirname, '../../server/dist');
const { buildApp } = require(path.join(dist, 'app.factory'));
const { loadConfig } = require(path.join(dist, 'config/app-config'));
const { RealtimeService } = require(path.join(dist, 'realtime/realtime.service'));
const { issuePartnerKey } = require(path.join(dist, 'partner/partner-keys'));

async function main() {
  const config = loadConfig();
  const started = await buildApp(config);
  await started.app.listen(config.PORT, '127.0.0.1');
  const realtime = started.app.get(RealtimeService);
  process.on('message', async (message) => {
    try {
      if (message.publishLiveScans) {
        realtime.publishLiveScans(message.publishLiveScans);
        process.send({ id: message.id, result: true });
      } else if (message.partnerKey) {
        const issued = await started.deps.db.prisma.$transaction((tx) => issuePartnerKey(tx, message.partnerKey, null));
        process.send({ id: message.id, result: issued.key });
      } else if (message.roomSize) {
        const sockets = await realtime.server.in(message.roomSize).fetchSockets();
        process.send({ id: message.id, result: sockets.length });
      }
    } catch (error) {
      process.send({ id: message.id, error: String(error) });
    }
  });
  process.on('disconnect', () => started.close().finally(() => process.exit(0)));
  process.on('SIGTERM', () => started.close().finally(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`Démarrage impossible : ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
