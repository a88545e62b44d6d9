import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { canRead, RESOURCE_NAMES } from '../auth/permissions';
import { StaffUser } from '../auth/staff-user';
import { auditRoom, RealtimeService } from './realtime.service';

const TOPIC = /^resource\/([a-z-]+)(?:\/([A-Za-z0-9-]{1,64}))?$/;

type Ack = { ok: true; topic: string } | { ok: false; error: string };

@WebSocketGateway({ path: '/socket.io' })
export class RealtimeGateway implements OnGatewayInit {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly auth: AuthService,
    private readonly realtime: RealtimeService,
  ) {}

  afterInit(server: Server) {
    this.realtime.attach(server);
    // Authenticate in the handshake: a socket without a valid staff token never connects.
    server.use((socket, next) => {
      const token = socket.handshake.auth?.token;
      this.auth
        .resolveToken(typeof token === 'string' ? token : undefined)
        .then((user) => {
          if (!user) return next(new Error('Authentification refusée : jeton absent, invalide ou expiré.'));
          socket.data.user = user;
          void socket.join(`user/${user.id}`);
          next();
        })
        .catch(() => next(new Error('Authentification indisponible, réessayez.')));
    });
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const topic = typeof body === 'string' ? body : (body as { topic?: unknown })?.topic;
    if (typeof topic !== 'string') return { ok: false, error: 'Sujet manquant.' };
    const match = TOPIC.exec(topic);
    if (!match) return { ok: false, error: `Sujet inconnu : ${topic.slice(0, 100)}` };
    const user = socket.data.user as StaffUser;
    if (!canRead(user.role, match[1])) return { ok: false, error: `Votre rôle ne permet pas de suivre « ${match[1]} ».` };
    if (topic === 'resource/audit-events') {
      await socket.join(RESOURCE_NAMES.filter((r) => canRead(user.role, r)).map(auditRoom));
    } else {
      await socket.join(topic);
    }
    return { ok: true, topic };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const topic = typeof body === 'string' ? body : (body as { topic?: unknown })?.topic;
    if (typeof topic !== 'string') return { ok: false, error: 'Sujet manquant.' };
    if (topic === 'resource/audit-events') for (const r of RESOURCE_NAMES) await socket.leave(auditRoom(r));
    else await socket.leave(topic);
    return { ok: true, topic };
  }
}
