import type { RedisClient } from '../redis/redis';

/** react-admin's lock shape, plus who holds it in words and when it lapses. */
export interface RecordLock {
  resource: string;
  recordId: string;
  /** Staff user id of the holder. */
  identity: string;
  identityName: string;
  createdAt: string;
  expiresAt: string;
}

export interface Viewer {
  userId: string;
  fullName: string;
  role: string;
  since: string;
}

export type AcquireResult = { ok: true; lock: RecordLock; previous: RecordLock | null } | { ok: false; lock: RecordLock };

/**
 * Presence and locks, shared by every server instance: in Redis when REDIS_URL is set, in this
 * process otherwise. Locks lapse after their TTL unless renewed; presence entries lapse when
 * their socket stops refreshing them (instance crash), and are removed on disconnect.
 */
export interface CollaborationStore {
  acquireLock(lock: RecordLock, socketId: string, ttlMs: number, force: boolean): Promise<AcquireResult>;
  renewLock(resource: string, recordId: string, identity: string, ttlMs: number): Promise<RecordLock | null>;
  /** Releases if held by `identity` (any holder when identity is null); returns the released lock. */
  releaseLock(resource: string, recordId: string, identity: string | null): Promise<RecordLock | null>;
  getLock(resource: string, recordId: string): Promise<RecordLock | null>;
  /** Releases every lock taken through this socket (the socket disconnected). */
  releaseSocketLocks(socketId: string): Promise<RecordLock[]>;

  addViewer(key: string, socketId: string, viewer: Viewer, staleMs: number): Promise<void>;
  removeViewer(key: string, socketId: string): Promise<void>;
  /** Refreshes the entries of these sockets (called periodically by the instance holding them). */
  touchViewers(entries: { key: string; socketId: string }[], staleMs: number): Promise<void>;
  viewers(key: string, staleMs: number): Promise<Viewer[]>;
}

const lockKey = (resource: string, recordId: string) => `${resource}:${recordId}`;

/** One viewer per user, the earliest arrival first. */
function distinctViewers(entries: { viewer: Viewer; seenAt: number }[], staleMs: number, now: number): Viewer[] {
  const byUser = new Map<string, Viewer>();
  for (const { viewer, seenAt } of entries) {
    if (now - seenAt > staleMs) continue;
    const known = byUser.get(viewer.userId);
    if (!known || viewer.since < known.since) byUser.set(viewer.userId, viewer);
  }
  return [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since));
}

export class MemoryCollaborationStore implements CollaborationStore {
  private readonly locks = new Map<string, { lock: RecordLock; socketId: string; expires: number }>();
  private readonly presence = new Map<string, Map<string, { viewer: Viewer; seenAt: number }>>();

  private live(key: string) {
    const entry = this.locks.get(key);
    if (entry && entry.expires <= Date.now()) {
      this.locks.delete(key);
      return undefined;
    }
    return entry;
  }

  async acquireLock(lock: RecordLock, socketId: string, ttlMs: number, force: boolean): Promise<AcquireResult> {
    const key = lockKey(lock.resource, lock.recordId);
    const current = this.live(key);
    if (current && current.lock.identity !== lock.identity && !force) return { ok: false, lock: current.lock };
    this.locks.set(key, { lock, socketId, expires: Date.now() + ttlMs });
    return { ok: true, lock, previous: current?.lock ?? null };
  }

  async renewLock(resource: string, recordId: string, identity: string, ttlMs: number) {
    const entry = this.live(lockKey(resource, recordId));
    if (!entry || entry.lock.identity !== identity) return null;
    entry.expires = Date.now() + ttlMs;
    entry.lock = { ...entry.lock, expiresAt: new Date(entry.expires).toISOString() };
    return entry.lock;
  }

  async releaseLock(resource: string, recordId: string, identity: string | null) {
    const key = lockKey(resource, recordId);
    const entry = this.live(key);
    if (!entry || (identity !== null && entry.lock.identity !== identity)) return null;
    this.locks.delete(key);
    return entry.lock;
  }

  async getLock(resource: string, recordId: string) {
    return this.live(lockKey(resource, recordId))?.lock ?? null;
  }

  async releaseSocketLocks(socketId: string) {
    const released: RecordLock[] = [];
    for (const [key, entry] of this.locks) {
      if (entry.socketId === socketId) {
        this.locks.delete(key);
        if (entry.expires > Date.now()) released.push(entry.lock);
      }
    }
    return released;
  }

  async addViewer(key: string, socketId: string, viewer: Viewer) {
    if (!this.presence.has(key)) this.presence.set(key, new Map());
    this.presence.get(key)!.set(socketId, { viewer, seenAt: Date.now() });
  }

  async removeViewer(key: string, socketId: string) {
    const room = this.presence.get(key);
    room?.delete(socketId);
    if (room && room.size === 0) this.presence.delete(key);
  }

  async touchViewers(entries: { key: string; socketId: string }[]) {
    for (const { key, socketId } of entries) {
      const entry = this.presence.get(key)?.get(socketId);
      if (entry) entry.seenAt = Date.now();
    }
  }

  async viewers(key: string, staleMs: number) {
    return distinctViewers([...(this.presence.get(key)?.values() ?? [])], staleMs, Date.now());
  }
}

// Atomic check-and-set scripts: two instances racing for one lock cannot both win.
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current then
  local holder = cjson.decode(current)
  if holder.identity ~= ARGV[2] and ARGV[3] ~= '1' then return {0, current} end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
redis.call('SADD', KEYS[2], KEYS[1])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return {1, current or ''}`;

// Renews the lock, its socket marker and the socket's index (so a disconnect after a long edit still releases it).
const RENEW = `
local current = redis.call('GET', KEYS[1])
if not current then return '' end
local holder = cjson.decode(current)
if holder.identity ~= ARGV[1] then return '' end
holder.expiresAt = ARGV[3]
local updated = cjson.encode(holder)
redis.call('SET', KEYS[1], updated, 'PX', ARGV[2])
local socket = redis.call('GET', KEYS[1] .. ':socket')
if socket then
  redis.call('PEXPIRE', KEYS[1] .. ':socket', ARGV[2])
  redis.call('PEXPIRE', ARGV[4] .. socket, ARGV[2])
end
return updated`;

const RELEASE = `
local current = redis.call('GET', KEYS[1])
if not current then return '' end
local holder = cjson.decode(current)
if ARGV[1] ~= '*' and holder.identity ~= ARGV[1] then return '' end
redis.call('DEL', KEYS[1])
return current`;

// Only releases the lock when this socket still holds it (a later tab of the same user may have taken it).
const RELEASE_FOR_SOCKET = `
local released = {}
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local current = redis.call('GET', key)
  if current and redis.call('GET', key .. ':socket') == ARGV[1] then
    redis.call('DEL', key, key .. ':socket')
    table.insert(released, current)
  end
end
redis.call('DEL', KEYS[1])
return released`;

export class RedisCollaborationStore implements CollaborationStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'aptic',
  ) {}

  private lockKey(resource: string, recordId: string) {
    return `${this.prefix}:lock:${lockKey(resource, recordId)}`;
  }

  private socketLocksKey(socketId: string) {
    return `${this.prefix}:socket-locks:${socketId}`;
  }

  private presenceKey(key: string) {
    return `${this.prefix}:presence:${key}`;
  }

  async acquireLock(lock: RecordLock, socketId: string, ttlMs: number, force: boolean): Promise<AcquireResult> {
    const key = this.lockKey(lock.resource, lock.recordId);
    const [won, previous] = (await this.redis.eval(ACQUIRE, {
      keys: [key, this.socketLocksKey(socketId)],
      arguments: [JSON.stringify(lock), lock.identity, force ? '1' : '0', String(ttlMs)],
    })) as [number, string];
    if (!won) return { ok: false, lock: JSON.parse(previous) };
    await this.redis.set(`${key}:socket`, socketId, { PX: ttlMs });
    return { ok: true, lock, previous: previous ? JSON.parse(previous) : null };
  }

  async renewLock(resource: string, recordId: string, identity: string, ttlMs: number) {
    const key = this.lockKey(resource, recordId);
    const updated = (await this.redis.eval(RENEW, {
      keys: [key],
      arguments: [identity, String(ttlMs), new Date(Date.now() + ttlMs).toISOString(), `${this.prefix}:socket-locks:`],
    })) as string;
    return updated ? (JSON.parse(updated) as RecordLock) : null;
  }

  async releaseLock(resource: string, recordId: string, identity: string | null) {
    const released = (await this.redis.eval(RELEASE, { keys: [this.lockKey(resource, recordId)], arguments: [identity ?? '*'] })) as string;
    return released ? (JSON.parse(released) as RecordLock) : null;
  }

  async getLock(resource: string, recordId: string) {
    const current = await this.redis.get(this.lockKey(resource, recordId));
    return current ? (JSON.parse(current) as RecordLock) : null;
  }

  async releaseSocketLocks(socketId: string) {
    const released = (await this.redis.eval(RELEASE_FOR_SOCKET, { keys: [this.socketLocksKey(socketId)], arguments: [socketId] })) as string[];
    return released.map((l) => JSON.parse(l) as RecordLock);
  }

  async addViewer(key: string, socketId: string, viewer: Viewer, staleMs: number) {
    const k = this.presenceKey(key);
    await this.redis.hSet(k, socketId, JSON.stringify({ viewer, seenAt: Date.now() }));
    await this.redis.pExpire(k, staleMs * 2);
  }

  async removeViewer(key: string, socketId: string) {
    await this.redis.hDel(this.presenceKey(key), socketId);
  }

  async touchViewers(entries: { key: string; socketId: string }[], staleMs: number) {
    for (const { key, socketId } of entries) {
      const k = this.presenceKey(key);
      const raw = await this.redis.hGet(k, socketId);
      if (!raw) continue;
      const entry = JSON.parse(raw);
      entry.seenAt = Date.now();
      await this.redis.hSet(k, socketId, JSON.stringify(entry));
      await this.redis.pExpire(k, staleMs * 2);
    }
  }

  async viewers(key: string, staleMs: number) {
    const all = await this.redis.hGetAll(this.presenceKey(key));
    return distinctViewers(Object.values(all).map((raw) => JSON.parse(raw as string)), staleMs, Date.now());
  }
}
