import * as fs from 'node:fs';
import * as path from 'node:path';
import { compile as compileTrust } from 'proxy-addr';
import { parse } from 'yaml';
import { loadConfig } from '../../server/src/config/app-config';

// There is no Docker engine on the build machines: this checks what can be checked without one.
const root = path.resolve(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

describe('docker-compose.yml', () => {
  it('describes PostgreSQL, Redis, two server instances and a load balancer', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['loadbalancer', 'migrate', 'postgres', 'redis', 'server1', 'server2']);
    expect(compose.services.postgres.image).toMatch(/^postgres:1[4-9]/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
  });

  it('gives both servers a configuration the server accepts, sharing the database and Redis', () => {
    for (const name of ['server1', 'server2']) {
      const env = compose.services[name].environment as Record<string, string>;
      const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{(\w+):-([^}]*)\}/g, '$2')]));
      const config = loadConfig(resolved);
      expect(config.DATABASE_URL).toMatch(/@postgres:5432\/aptic$/);
      expect(config.REDIS_URL).toBe('redis://redis:6379');
      expect(config.MIGRATE_ON_START).toBe(false);
      expect(compose.services[name].depends_on.migrate.condition).toBe('service_completed_successfully');
    }
  });

  it('makes the servers believe X-Forwarded-For from the balancer only', () => {
    const balancer = compose.services.loadbalancer.networks.default.ipv4_address as string;
    const subnet = compose.networks.default.ipam.config[0].subnet as string;
    expect(compileTrust([subnet])(balancer, 0)).toBe(true);
    // Docker never hands the balancer's address to another container.
    expect(compileTrust([compose.networks.default.ipam.config[0].ip_range])(balancer, 0)).toBe(false);
    for (const name of ['server1', 'server2']) {
      const config = loadConfig({ TRUSTED_PROXIES: compose.services[name].environment.TRUSTED_PROXIES });
      expect(config.trustedProxies).toEqual([balancer]);
    }
    const conf = fs.readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
    // nginx appends the client's address to what it received: the servers read the last one it added.
    expect(conf).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });

  it('runs migrations with the project migrator before the servers start', () => {
    expect(compose.services.migrate.command).toEqual(['node', 'server/dist/database/migrate.cli.js']);
    expect(fs.existsSync(path.join(root, 'server/src/database/migrate.cli.ts'))).toBe(true);
  });

  it('balances both instances with WebSocket upgrades and sticky clients', () => {
    const volume = compose.services.loadbalancer.volumes[0] as string;
    const conf = fs.readFileSync(path.join(root, volume.split(':')[0]), 'utf8');
    expect(conf).toMatch(/server server1:3000;/);
    expect(conf).toMatch(/server server2:3000;/);
    expect(conf).toMatch(/ip_hash;/);
    expect(conf).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
  });

  it('builds from a Dockerfile that builds and starts the server', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/CMD \["node", "server\/dist\/main.js"\]/);
  });
});
