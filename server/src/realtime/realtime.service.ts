import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { LiveScan, LiveScanEvent } from '../rules/scan-reasons';

export type ChangeType = 'created' | 'updated' | 'deleted';

/** react-admin realtime event: { topic, type, payload: { ids } }. */
export interface RealtimeEvent {
  topic: string;
  type: ChangeType | string;
  payload: Record<string, unknown>;
}

/** Socket.io event name carrying every RealtimeEvent. */
export const REALTIME_EVENT = 'event';

export interface Change {
  resource: string;
  type: ChangeType;
  id: string;
  /** For audit events and comments: the resource they are about. */
  about?: string;
  /** Who made the change (staff user or structure id), so a client can tell its own echo from a colleague's change. */
  actorId?: string;
  /** For audit events: the record they are about, whose timeline topic hears of them. */
  aboutId?: string;
}

/** Resources readable only "on the records one can read": their events go to a room per resource they are about. */
export const SCOPED_RESOURCES = new Set(['audit-events', 'comments']);

/** e.g. audit-events@structures, joined through the topic resource/audit-events by roles that read structures. */
export const scopedRoom = (resource: string, about: string) => `${resource}@${about}`;

/** New audit events about one record (its timeline), comments included. */
export const timelineTopic = (resource: string, id: string) => `timeline/${resource}/${id}`;

/** Every scan attempt, as it happens (SPEC §4 "Real time"). */
export const LIVE_SCANS_TOPIC = 'scans/live';

export const resourceTopic = (resource: string, id?: string) => (id ? `resource/${resource}/${id}` : `resource/${resource}`);

/** How long list events of one room and type are gathered after one went out (see RealtimeService). */
export const LIST_EVENT_WINDOW_MS = 200;

interface PendingListEvent {
  /** Sends what came during the window (at its end, or at shutdown). */
  flush: () => void;
  timer: ReturnType<typeof setTimeout>;
  ids: Set<string>;
  /** The one actor of every merged change, or null when they differ (then the event names none). */
  actorId: string | null | undefined;
  /** Whether another event came in the window (then one goes out at its end). */
  waiting: boolean;
}

/**
 * Publishes events to the rooms of their topics. Sockets join a room only after the gateway
 * checked the user may read that resource, so events reach only allowed readers. With the
 * Redis adapter, rooms span every server instance.
 */
@Injectable()
export class RealtimeService implements OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private server?: Server;
  /** List events in their window, by room, topic and type. */
  private readonly lists = new Map<string, PendingListEvent>();

  attach(server: Server) {
    this.server = server;
  }

  /** Emits once per socket even when a socket is in several of the rooms. */
  publish(event: RealtimeEvent, rooms: string | string[] = event.topic) {
    this.server?.to(rooms).emit(REALTIME_EVENT, event);
  }

  /** Called after a transaction committed: one list event per resource and type, one per record changed or deleted. */
  publishChanges(changes: Change[]) {
    if (!this.server || changes.length === 0) return;
    const grouped = new Map<string, string[]>();
    for (const c of changes) {
      const key = [c.resource, c.type, c.about ?? '', c.actorId ?? ''].join('\u0000');
      grouped.set(key, [...(grouped.get(key) ?? []), c.id]);
    }
    // A record created by this very transaction has nobody on its own topic or timeline yet: no
    // event there (each one is a Redis message every instance decodes; a redemption makes several).
    const createdNow = new Set(changes.filter((c) => c.type === 'created').map((c) => `${c.resource}/${c.id}`));
    for (const c of changes) {
      if (c.about && c.aboutId && !createdNow.has(`${c.about}/${c.aboutId}`)) this.publish({ topic: timelineTopic(c.about, c.aboutId), type: c.type, payload: { ids: [c.id], ...(c.actorId ? { actorId: c.actorId } : {}) } });
    }
    for (const [key, ids] of grouped) {
      const [resource, type, about, actorId] = key.split('\u0000');
      const topic = resourceTopic(resource);
      const by = actorId ? { actorId } : {};
      this.publishList(topic, type, ids, actorId || undefined, about ? scopedRoom(resource, about) : topic);
      if (type !== 'created') for (const id of ids) this.publish({ topic: resourceTopic(resource, id), type, payload: { ids: [id], ...by } });
    }
  }

  /**
   * "Some records of this list changed" (a list page refetches on it). The first event of a room
   * and type goes out at once; those that follow within LIST_EVENT_WINDOW_MS are merged into one
   * sent at the window's end (their ids together), and so on while they keep coming. A list open
   * while 200 scans a second come in refetches 5 times a second, not 200, and each instance reads
   * 5 Redis messages a second for it. Per-record and timeline events are never held back.
   */
  private publishList(topic: string, type: string, ids: string[], actorId: string | undefined, room: string) {
    if (!this.server) return;
    const key = `${room}\u0000${topic}\u0000${type}`;
    const pending = this.lists.get(key);
    if (pending) {
      for (const id of ids) pending.ids.add(id);
      if (!pending.waiting) pending.actorId = actorId;
      else if (pending.actorId !== actorId) pending.actorId = null;
      pending.waiting = true;
      return;
    }
    this.publish({ topic, type, payload: { ids, ...(actorId ? { actorId } : {}) } }, room);
    const flush = () => {
      this.publish({ topic, type, payload: { ids: [...window.ids], ...(window.actorId ? { actorId: window.actorId } : {}) } }, room);
      window.ids = new Set();
      window.actorId = undefined;
      window.waiting = false;
    };
    const close = () => {
      if (!window.waiting) return void this.lists.delete(key);
      // What came during the window goes out now, and a new window opens behind it.
      flush();
      window.timer = setTimeout(close, LIST_EVENT_WINDOW_MS).unref();
    };
    const window: PendingListEvent = { flush, timer: setTimeout(close, LIST_EVENT_WINDOW_MS).unref(), ids: new Set(), actorId: undefined, waiting: false };
    this.lists.set(key, window);
  }

  /** At shutdown (before Redis closes): what waits in a window goes out now, and no timer is left behind. */
  onModuleDestroy() {
    for (const window of this.lists.values()) {
      clearTimeout(window.timer);
      if (window.waiting) window.flush();
    }
    this.lists.clear();
  }

  /**
   * The scans of one redemption on `scans/live` (SPEC §4), after their transaction committed:
   * one event per request, so a feed at 200 scans/s is 200 small events, never one per row read.
   * Sockets join the room only when their role may read scans (realtime.gateway.ts).
   */
  publishLiveScans(scans: LiveScan[]) {
    if (scans.length === 0) return;
    const event: LiveScanEvent = { topic: LIVE_SCANS_TOPIC, type: 'created', payload: { scans } };
    this.publish(event);
  }

  /** Ends the live connections of a staff member (deactivated account, role changed). */
  disconnectUser(userId: string) {
    this.disconnectRoom(`user/${userId}`);
  }

  /** Ends the live connections in a room (on every instance with the Redis adapter). */
  disconnectRoom(room: string) {
    this.server?.in(room).disconnectSockets(true);
    this.logger.log({ message: 'sockets disconnected', room });
  }
}
