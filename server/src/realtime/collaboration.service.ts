import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { canWrite } from '../auth/permissions';
import { StaffUser } from '../auth/staff-user';
import { conflict } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { CollaborationStore, RecordLock, Viewer } from './collaboration-store';
import { RealtimeService } from './realtime.service';

export const COLLABORATION_STORE = 'COLLABORATION_STORE';

export const presenceTopic = (resource: string, id: string) => `presence/${resource}/${id}`;
export const lockTopic = (resource: string, id: string) => `lock/${resource}/${id}`;

export type LockAnswer = { ok: true; lock: RecordLock } | { ok: false; error: string; lock?: RecordLock | null };

function lockMessage(lock: RecordLock) {
  const since = new Date(lock.createdAt).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
  return `Cet enregistrement est en cours de modification par ${lock.identityName} depuis ${since} : réessayez quand il aura terminé.`;
}

/**
 * Who looks at a record (presence) and who edits it (locks). A locked record refuses other
 * users' writes (assertWritable, called by every write path) until it is released on save,
 * cancel or disconnection, taken over by an ADMIN, or lapses after LOCK_TTL_SECONDS without renewal.
 */
@Injectable()
export class CollaborationService implements OnModuleDestroy {
  private readonly logger = new Logger('Collaboration');
  /** Presence entries of this instance's sockets, refreshed while they stay connected. */
  private readonly localViewers = new Map<string, Set<string>>();
  private readonly refresher: NodeJS.Timeout;

  constructor(
    @Inject(COLLABORATION_STORE) private readonly store: CollaborationStore,
    private readonly realtime: RealtimeService,
    private readonly config: AppConfig,
  ) {
    this.refresher = setInterval(() => void this.refreshViewers(), Math.max(1000, (config.PRESENCE_STALE_SECONDS * 1000) / 3));
    this.refresher.unref();
  }

  onModuleDestroy() {
    clearInterval(this.refresher);
  }

  private get ttlMs() {
    return this.config.LOCK_TTL_SECONDS * 1000;
  }

  private get staleMs() {
    return this.config.PRESENCE_STALE_SECONDS * 1000;
  }

  // ── Locks ──

  async lock(user: StaffUser, socketId: string, resource: string, recordId: string, force = false): Promise<LockAnswer> {
    if (!canWrite(user.role, resource)) return { ok: false, error: `Votre rôle ne permet pas de modifier « ${resource} ».` };
    if (force && user.role !== 'ADMIN') return { ok: false, error: 'Seul un administrateur peut prendre la main sur un enregistrement.' };
    const now = Date.now();
    const lock: RecordLock = {
      resource,
      recordId,
      identity: user.id,
      identityName: user.fullName,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.ttlMs).toISOString(),
    };
    const result = await this.store.acquireLock(lock, socketId, this.ttlMs, force);
    if (!result.ok) return { ok: false, error: lockMessage(result.lock), lock: result.lock };
    const takenOver = result.previous && result.previous.identity !== user.id ? result.previous : null;
    if (takenOver) {
      // To the topic's watchers and to every socket of the previous holder (who may not watch it), once each.
      this.realtime.publish({ topic: lockTopic(resource, recordId), type: 'taken-over', payload: { lock: result.lock, previous: takenOver } }, [
        lockTopic(resource, recordId),
        `user/${takenOver.identity}`,
      ]);
      this.logger.log({ message: 'lock taken over', resource, recordId, by: user.id, from: takenOver.identity });
    } else if (!result.previous) {
      this.realtime.publish({ topic: lockTopic(resource, recordId), type: 'locked', payload: { lock: result.lock } });
    }
    return { ok: true, lock: result.lock };
  }

  async renew(user: StaffUser, resource: string, recordId: string): Promise<LockAnswer> {
    const lock = await this.store.renewLock(resource, recordId, user.id, this.ttlMs);
    return lock ? { ok: true, lock } : { ok: false, error: 'Vous ne tenez plus ce verrou : il a expiré ou a été repris.', lock: await this.store.getLock(resource, recordId) };
  }

  /**
   * Gives back the user's own lock. Refused, the lock staying, when someone else holds it. A record
   * already free stays free: `released: false` (the console unlocks on leaving a page whose lock the
   * save already released).
   */
  async unlock(user: StaffUser, resource: string, recordId: string): Promise<LockAnswer | { ok: true; released: boolean }> {
    const released = await this.store.releaseLock(resource, recordId, user.id);
    if (released) {
      this.announceUnlocked(released);
      return { ok: true, released: true };
    }
    const lock = await this.store.getLock(resource, recordId);
    if (!lock) return { ok: true, released: false };
    return { ok: false, error: `Déverrouillage refusé : ce verrou est tenu par ${lock.identityName}, pas par vous.`, lock };
  }

  getLock(resource: string, recordId: string) {
    return this.store.getLock(resource, recordId);
  }

  /** 409 when someone else is editing the record. */
  async assertWritable(resource: string, recordId: string, user: StaffUser) {
    const lock = await this.store.getLock(resource, recordId);
    if (lock && lock.identity !== user.id) throw conflict(lockMessage(lock), { lock });
  }

  /** After the holder saved: their edit is over. */
  async releaseAfterSave(resource: string, recordId: string, user: StaffUser) {
    const released = await this.store.releaseLock(resource, recordId, user.id);
    if (released) this.announceUnlocked(released);
  }

  private announceUnlocked(lock: RecordLock) {
    this.realtime.publish({ topic: lockTopic(lock.resource, lock.recordId), type: 'unlocked', payload: { lock: null, previous: lock } });
  }

  // ── Presence ──

  async join(user: StaffUser, socketId: string, resource: string, recordId: string): Promise<Viewer[]> {
    const key = `${resource}/${recordId}`;
    await this.store.addViewer(key, socketId, { userId: user.id, fullName: user.fullName, role: user.role, since: new Date().toISOString() }, this.staleMs);
    if (!this.localViewers.has(socketId)) this.localViewers.set(socketId, new Set());
    this.localViewers.get(socketId)!.add(key);
    return this.announcePresence(key);
  }

  async leave(socketId: string, resource: string, recordId: string) {
    const key = `${resource}/${recordId}`;
    this.localViewers.get(socketId)?.delete(key);
    await this.store.removeViewer(key, socketId);
    await this.announcePresence(key);
  }

  /** A socket went away: it leaves every record it was on and gives back its locks. */
  async disconnected(socketId: string) {
    const keys = [...(this.localViewers.get(socketId) ?? [])];
    this.localViewers.delete(socketId);
    for (const key of keys) {
      await this.store.removeViewer(key, socketId);
      await this.announcePresence(key);
    }
    for (const lock of await this.store.releaseSocketLocks(socketId)) this.announceUnlocked(lock);
  }

  private async announcePresence(key: string): Promise<Viewer[]> {
    const viewers = await this.store.viewers(key, this.staleMs);
    const [resource, id] = key.split('/');
    this.realtime.publish({ topic: presenceTopic(resource, id), type: 'presence', payload: { viewers } });
    return viewers;
  }

  private async refreshViewers() {
    const entries = [...this.localViewers].flatMap(([socketId, keys]) => [...keys].map((key) => ({ key, socketId })));
    if (!entries.length) return;
    await this.store.touchViewers(entries, this.staleMs).catch((error) => this.logger.warn({ message: 'presence refresh failed', error: String(error) }));
  }
}
