import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AppConfig } from '../config/app-config';
import { MemoryCollaborationStore, RedisCollaborationStore } from './collaboration-store';
import { COLLABORATION_STORE, CollaborationService } from './collaboration.service';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';
import type { RedisClient } from '../redis/redis';

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
        {
          provide: COLLABORATION_STORE,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => (redis ? new RedisCollaborationStore(redis, config.REDIS_PREFIX) : new MemoryCollaborationStore()),
        },
      ],
      exports: [RealtimeService, CollaborationService],
    };
  }
}
