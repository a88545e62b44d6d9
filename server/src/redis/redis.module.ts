import { DynamicModule, Global, Module } from '@nestjs/common';
import type { RedisClient } from './redis';

export const REDIS_CLIENT = 'REDIS_CLIENT';

/** The shared Redis connection when REDIS_URL is set (injected as optional elsewhere). */
@Global()
@Module({})
export class RedisModule {
  static forRoot(client?: RedisClient): DynamicModule {
    const providers = client ? [{ provide: REDIS_CLIENT, useValue: client }] : [];
    return { module: RedisModule, providers, exports: providers.map((p) => p.provide) };
  }
}
