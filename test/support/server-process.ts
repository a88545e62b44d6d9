import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';
import request from 'supertest';
import { demoAccount, DemoRole } from './test-app';

const root = path.resolve(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  baseUrl: string;
  /** The process id (benchmarks read its CPU time). */
  pid: number;
  http: ReturnType<typeof request>;
  token(role: DemoRole): Promise<string>;
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash would: no shutdown hook runs. */
  kill(): Promise<void>;
}

/**
 * A second server instance in its own process, as in production (passport keeps its strategies
 * in a process-wide registry, so two Nest apps in one process would share authentication).
 */
export async function startServerProcess(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', TS_NODE_PROJECT: 'server/tsconfig.json', PORT: String(port), LOG_LEVEL: 'warn', ADMIN_DIST_DIR: '/nonexistent', BCRYPT_ROUNDS: '4', JOBS_SCHEDULE_ENABLED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`instance did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const tokens = new Map<DemoRole, string>();
  return {
    baseUrl,
    pid: child.pid!,
    http: request(baseUrl),
    async token(role) {
      if (!tokens.has(role)) {
        const account = demoAccount(role);
        const res = await request(baseUrl).post('/api/auth/login').send({ email: account.email, password: account.password });
        if (res.status !== 200) throw new Error(`login ${role} on instance B: ${res.status}`);
        tokens.set(role, res.body.accessToken);
      }
      return tokens.get(role)!;
    },
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
