import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { canFollowJob, canRead, canWrite, isJobName, RESOURCE_NAMES } from '../auth/permissions';
import { inputRefusal, inspectInput } from '../common/user-input';
import { ResourceService } from '../rest/resource.service';
import { StaffUser } from '../auth/staff-user';
import { CollaborationService } from './collaboration.service';
import { LIVE_SCANS_TOPIC, RealtimeService, scopedRoom, SCOPED_RESOURCES } from './realtime.service';

/** resource/<name>, resource/<name>/<id>, presence/<name>/<id>, lock/<name>/<id>, timeline/<name>/<id>, job/<job name>; and scans/live. */
const TOPIC = /^(resource|presence|lock|timeline|job)\/([a-z-]+)(?:\/([A-Za-z0-9-]{1,64}))?$/;
const ID = /^[A-Za-z0-9-]{1,64}$/;

type Ack = Record<string, unknown> & { ok: boolean };

/** Topics one connection may follow at once: a console tab uses a few dozen; more is abuse, and each costs memory. */
export const MAX_TOPICS_PER_SOCKET = 500;

function parseTopic(body: unknown) {
  const topic = typeof body === 'string' ? body : (body as { topic?: unknown })?.topic;
  if (typeof topic !== 'string') return { error: 'Sujet manquant.' } as const;
  // Every scan attempt as it happens: followed by the roles that read scans.
  if (topic === LIVE_SCANS_TOPIC) return { topic, kind: 'live', resource: 'scans', id: undefined } as const;
  const match = TOPIC.exec(topic);
  const known = match && (match[1] === 'job' ? !match[3] && isJobName(match[2]) : match[1] === 'resource' || match[3]);
  if (!match || !known) return { error: `Sujet inconnu : ${topic.slice(0, 100)}` } as const;
  return { topic, kind: match[1] as 'resource' | 'presence' | 'lock' | 'timeline' | 'job', resource: match[2], id: match[3] } as const;
}

function parseRecord(body: unknown): { resource: string; id: string; force: boolean } | null {
  const b = body as { resource?: unknown; id?: unknown; force?: unknown } | null;
  if (!b || typeof b.resource !== 'string' || typeof b.id !== 'string' || !ID.test(b.id)) return null;
  return { resource: b.resource, id: b.id, force: b.force === true };
}

/** socket.io messages, at most (its default is 1 MB): a message of ours is a topic or a record id; HTTP bodies stop at 100 kB. */
export const MAX_MESSAGE_BYTES = 100_000;

/** The topics a socket follows, as it asked for them (rooms also hold its own id, user and session, and scoped sub-rooms). */
function topicsOf(socket: Socket): Set<string> {
  return ((socket.data as { topics?: Set<string> }).topics ??= new Set());
}

@WebSocketGateway({ path: '/socket.io', maxHttpBufferSize: MAX_MESSAGE_BYTES })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly auth: AuthService,
    private readonly realtime: RealtimeService,
    private readonly collaboration: CollaborationService,
    private readonly resources: ResourceService,
  ) {}

  afterInit(server: Server) {
    this.realtime.attach(server);
    // Authenticate in the handshake: a socket without a valid staff token never connects.
    server.use((socket, next) => {
      const token = socket.handshake.auth?.token;
      this.auth
        .resolveSession(typeof token === 'string' ? token : undefined)
        .then((session) => {
          if (!session) return next(new Error('Authentification refusée : jeton absent, invalide ou expiré.'));
          socket.data.user = session.user;
          void socket.join([`user/${session.user.id}`, `session/${session.sessionId}`]);
          // A socket lives no longer than its session: closed at expiry, and on logout (room session/<id>).
          const expiry = setTimeout(() => socket.disconnect(true), Math.min(session.expiresAt.getTime() - Date.now(), 2 ** 31 - 1));
          expiry.unref();
          socket.once('disconnect', () => clearTimeout(expiry));
          next();
        })
        .catch(() => next(new Error('Authentification indisponible, réessayez.')));
    });
  }

  /** Every message is checked like an HTTP body before a handler sees it; a bad one is answered, not dispatched. */
  handleConnection(socket: Socket) {
    socket.use((packet, next) => {
      const args = packet.slice(1);
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: Ack) => void) : undefined;
      const problem = inspectInput(args, { prototypeKeys: true });
      if (!problem) return next();
      ack?.({ ok: false, error: inputRefusal(problem, 'le message').message });
    });
  }

  handleDisconnect(socket: Socket) {
    this.collaboration.disconnected(socket.id).catch((error) => this.logger.warn({ message: 'disconnect cleanup failed', error: String(error) }));
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const t = parseTopic(body);
    if ('error' in t) return { ok: false, error: t.error };
    const user = socket.data.user as StaffUser;
    // job/<name>: the progress of a long job, for the roles of that job (JOB_MATRIX).
    if (t.kind === 'job' ? !canFollowJob(user.role, t.resource) : !canRead(user.role, t.resource)) {
      return { ok: false, error: t.kind === 'job' ? `Votre rôle ne permet pas de suivre la tâche « ${t.resource} ».` : `Votre rôle ne permet pas de suivre « ${t.resource} ».` };
    }
    const topics = topicsOf(socket);
    if (!topics.has(t.topic) && topics.size >= MAX_TOPICS_PER_SOCKET) {
      return { ok: false, error: `Trop de sujets suivis sur cette connexion (${MAX_TOPICS_PER_SOCKET} au plus) : quittez-en avant d’en suivre d’autres.` };
    }
    // Being shown as looking at a record that does not exist would mean nothing.
    if (t.kind === 'presence' && !(await this.resources.exists(t.resource, t.id!, user))) {
      return { ok: false, error: `Aucun enregistrement « ${t.resource} » avec l’identifiant ${t.id}.` };
    }
    topics.add(t.topic);
    if (t.kind === 'resource' && !t.id && SCOPED_RESOURCES.has(t.resource)) {
      // Audit events and comments: only those about resources this role may read.
      await socket.join(RESOURCE_NAMES.filter((r) => canRead(user.role, r)).map((r) => scopedRoom(t.resource, r)));
      return { ok: true, topic: t.topic };
    }
    await socket.join(t.topic);
    if (t.kind === 'presence') return { ok: true, topic: t.topic, viewers: await this.collaboration.join(user, socket.id, t.resource, t.id!) };
    if (t.kind === 'lock') return { ok: true, topic: t.topic, lock: await this.collaboration.getLock(t.resource, t.id!) };
    return { ok: true, topic: t.topic };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const t = parseTopic(body);
    if ('error' in t) return { ok: false, error: t.error };
    topicsOf(socket).delete(t.topic);
    if (t.kind === 'resource' && !t.id && SCOPED_RESOURCES.has(t.resource)) {
      for (const r of RESOURCE_NAMES) await socket.leave(scopedRoom(t.resource, r));
    } else {
      await socket.leave(t.topic);
    }
    if (t.kind === 'presence') await this.collaboration.leave(socket.id, t.resource, t.id!);
    return { ok: true, topic: t.topic };
  }

  @SubscribeMessage('lock')
  async lock(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const r = parseRecord(body);
    if (!r) return { ok: false, error: 'Indiquez { resource, id }.' };
    const user = socket.data.user as StaffUser;
    // A lock on nothing would hold nothing: the record must exist (and be visible to this user).
    if (canWrite(user.role, r.resource) && !(await this.resources.exists(r.resource, r.id, user))) {
      return { ok: false, error: `Aucun enregistrement « ${r.resource} » avec l’identifiant ${r.id} : rien à verrouiller.`, lock: null };
    }
    return this.collaboration.lock(user, socket.id, r.resource, r.id, r.force);
  }

  @SubscribeMessage('renewLock')
  async renewLock(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const r = parseRecord(body);
    if (!r) return { ok: false, error: 'Indiquez { resource, id }.' };
    if (!canWrite((socket.data.user as StaffUser).role, r.resource)) return { ok: false, error: `Votre rôle ne permet pas de modifier « ${r.resource} ».` };
    return this.collaboration.renew(socket.data.user, r.resource, r.id);
  }

  @SubscribeMessage('unlock')
  async unlock(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const r = parseRecord(body);
    if (!r) return { ok: false, error: 'Indiquez { resource, id }.' };
    // Who edits a record is told only to those who may read it.
    if (!canRead((socket.data.user as StaffUser).role, r.resource)) return { ok: false, error: `Votre rôle ne permet pas de suivre « ${r.resource} ».` };
    return this.collaboration.unlock(socket.data.user, r.resource, r.id);
  }

  @SubscribeMessage('getLock')
  async getLock(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const r = parseRecord(body);
    if (!r) return { ok: false, error: 'Indiquez { resource, id }.' };
    if (!canRead((socket.data.user as StaffUser).role, r.resource)) return { ok: false, error: `Votre rôle ne permet pas de suivre « ${r.resource} ».` };
    return { ok: true, lock: await this.collaboration.getLock(r.resource, r.id) };
  }
}
