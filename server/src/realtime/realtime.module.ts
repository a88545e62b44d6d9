import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MemoryCollaborationStore, RedisCollaborationStore } from './collaboration-store';
import { COLLABORATION_STORE, CollaborationService } from './collaboration.service';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';
import type { RedisClient } from './redis';

export const REDIS_CLIENT = 'REDIS_CLIENT';

/** socket.io, presence and locks: shared through Redis when configured, in memory otherwise. */
@Global()
@Module({})
export class RealtimeModule {
  static forRoot(redis?: RedisClient): DynamicModule {
    return {
      module: RealtimeModule,
      imports: [AuthModule],
      providers: [
        RealtimeService,
        RealtimeGateway,
        CollaborationService,
        { provide: COLLABORATION_STORE, useValue: redis ? new RedisCollaborationStore(redis) : new MemoryCollaborationStore() },
        ...(redis ? [{ provide: REDIS_CLIENT, useValue: redis }] : []),
      ],
      exports: [RealtimeService, CollaborationService, ...(redis ? [REDIS_CLIENT] : [])],
    };
  }
}
