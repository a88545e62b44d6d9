import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('configuration checked at boot', () => {
  it('has working defaults: port 3000, embedded database, migrations and demo seed on', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.MIGRATE_ON_START).toBe(true);
    expect(config.seedOnStart).toBe(true);
  });

  it('does not seed a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).seedOnStart).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', SEED_ON_START: 'true' }).seedOnStart).toBe(true);
    expect(loadConfig({ MIGRATE_ON_START: 'false' }).MIGRATE_ON_START).toBe(false);
  });

  it('lists every bad variable in one clear message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'trois-mille', DATABASE_URL: 'mysql://x', MIGRATE_ON_START: 'peut-être', LOG_FORMAT: 'xml' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT="trois-mille"/);
    expect(message).toMatch(/DATABASE_URL doit être une URL postgresql/);
    expect(message).toMatch(/MIGRATE_ON_START/);
    expect(message).toMatch(/LOG_FORMAT/);
  });

  it('says what is wrong in French', () => {
    expect(() => loadConfig({ PORT: 'trois-mille' })).toThrow(/PORT="trois-mille" : .*doit être un nombre entier/);
    expect(() => loadConfig({ BCRYPT_ROUNDS: '40' })).toThrow(/BCRYPT_ROUNDS=40 : 15 au plus/);
  });

  it('believes no proxy by default, and only the balancers TRUSTED_PROXIES names', () => {
    expect(loadConfig({}).trustedProxies).toBe(false);
    expect(loadConfig({ TRUSTED_PROXIES: ' ' }).trustedProxies).toBe(false);
    expect(loadConfig({ TRUSTED_PROXIES: '172.28.0.10' }).trustedProxies).toEqual(['172.28.0.10']);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32 ,loopback' }).trustedProxies).toEqual(['10.0.0.0/8', '2001:db8::/32', 'loopback']);
    for (const bad of ['tout-le-monde', '10.0.0.300', '10.0.0.0/40', '*', '1', 'loopback, 2']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES : adresses IP ou plages CIDR/);
    }
  });

  it('prices the kit from the configuration: 8.40 € a month and 90 € a year unless set, in whole cents', () => {
    expect(loadConfig({})).toEqual(expect.objectContaining({ SUBSCRIPTION_MONTHLY_CENTS: 840, SUBSCRIPTION_ANNUAL_CENTS: 9000 }));
    expect(loadConfig({ SUBSCRIPTION_MONTHLY_CENTS: '900', SUBSCRIPTION_ANNUAL_CENTS: '9600' })).toEqual(expect.objectContaining({ SUBSCRIPTION_MONTHLY_CENTS: 900, SUBSCRIPTION_ANNUAL_CENTS: 9600 }));
    expect(() => loadConfig({ SUBSCRIPTION_MONTHLY_CENTS: '8.40' })).toThrow(/SUBSCRIPTION_MONTHLY_CENTS="8.40" : .*nombre entier/);
    expect(() => loadConfig({ SUBSCRIPTION_ANNUAL_CENTS: '0' })).toThrow(/SUBSCRIPTION_ANNUAL_CENTS=0/);
  });

  it('checks the job schedules with the parser that runs them, and can turn them off', () => {
    expect(loadConfig({}).JOB_PURGE_SESSIONS_CRON).toBe('30 3 * * *');
    expect(loadConfig({ JOB_PURGE_SESSIONS_CRON: '0 4 * * 1-5' }).JOB_PURGE_SESSIONS_CRON).toBe('0 4 * * 1-5');
    expect(loadConfig({ JOBS_SCHEDULE_ENABLED: 'false' }).JOBS_SCHEDULE_ENABLED).toBe(false);
    for (const bad of ['tous les jours', '61 3 * * *', '* *', '']) {
      expect(() => loadConfig({ JOB_PURGE_SESSIONS_CRON: bad })).toThrow(/JOB_PURGE_SESSIONS_CRON=.* : expression cron attendue/);
    }
    expect(() => loadConfig({ JOBS_TIME_ZONE: 'Europe/Lutèce' })).toThrow(/JOBS_TIME_ZONE=.* : fuseau horaire IANA attendu/);
    expect(() => loadConfig({ JOB_CHUNK_SIZE: '0' })).toThrow(/JOB_CHUNK_SIZE=0/);
  });

  it('never prints the password of a URL it refuses', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://aptic:s3cret-pw@db:3306/aptic' })).toThrow(/mysql:\/\/\*\*\*@db/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://aptic:s3cret-pw@db:3306/aptic' })).not.toThrow(/s3cret/);
  });

  it('makes the server exit with a non-zero code and the message on a bad environment', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '99999', DATABASE_URL: '', TS_NODE_PROJECT: 'server/tsconfig.json', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Configuration invalide/);
    expect(result.stderr).toMatch(/PORT=99999/);
  });
});
