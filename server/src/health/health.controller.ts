import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import type { Database } from '../database/database';
import { REDIS_CLIENT } from '../redis/redis.module';
import type { RedisClient } from '../redis/redis';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject('DATABASE') private readonly db: Database,
    @Optional() @Inject(REDIS_CLIENT) private readonly redis?: RedisClient,
  ) {}

  /** 200 when the database (and Redis, when configured) answer; 503 otherwise. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const database = await this.db.query('SELECT 1').then(() => 'up', () => 'down');
    const redis = this.redis ? await this.redis.ping().then(() => 'up', () => 'down') : 'not-configured';
    const ok = database === 'up' && redis !== 'down';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database: { kind: this.db.kind, status: database }, redis, time: new Date().toISOString() };
  }
}
