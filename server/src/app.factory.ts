import { ConsoleLogger, INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppDependencies, AppModule } from './app.module';
import { bigintReplacer } from './common/json';
import { compressResponses } from './common/console-assets';
import { jsonBodyMiddleware, requestContextMiddleware } from './common/request-logging';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { openDatabase } from './database/database';
import { migrate } from './database/migrator';
import { connectRedis } from './redis/redis';
import { RedisIoAdapter } from './realtime/redis-io.adapter';
import { seedDemoData } from './seed/seed';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export function createLogger(config: AppConfig) {
  return new ConsoleLogger({
    json: config.LOG_FORMAT === 'json',
    colors: config.LOG_FORMAT === 'pretty',
    logLevels: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
}

export interface StartedApp {
  app: INestApplication;
  deps: AppDependencies;
  /** Demo logins, when the demo data was loaded by this start. */
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it unless MIGRATE_ON_START=false), seeds demo data on a fresh
 * embedded database, connects Redis when configured, and builds the Nest application with
 * everything the HTTP API and socket.io need. Used by main.ts and by the tests.
 */
export async function buildApp(config: AppConfig, options: { logger?: ConsoleLogger | false } = {}): Promise<StartedApp> {
  const logger = options.logger === false ? false : (options.logger ?? createLogger(config));
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  let redis: AppDependencies['redis'];
  try {
    if (config.MIGRATE_ON_START) {
      const report = await migrate(db);
      if (report.applied.length && logger) logger.log(`migrations appliquées : ${report.applied.join(', ')}`, 'Database');
    }
    let seeded = false;
    if (config.seedOnStart && (await db.prisma.user.count()) === 0) {
      await seedDemoData(db.prisma, { bcryptRounds: config.BCRYPT_ROUNDS });
      seeded = true;
    }
    if (config.REDIS_URL) {
      const client = await connectRedis(config.REDIS_URL, 'aptic');
      redis = { client, pub: client.duplicate(), sub: client.duplicate() };
      redis.pub.on('error', () => undefined);
      redis.sub.on('error', () => undefined);
      await Promise.all([redis.pub.connect(), redis.sub.connect()]);
    }
    const deps: AppDependencies = { config, db, redis };
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(deps), {
      logger: logger === false ? false : logger,
      bodyParser: false,
    });
    // X-Forwarded-For is believed only from the balancers named in TRUSTED_PROXIES (none by default).
    app.set('trust proxy', config.trustedProxies);
    app.disable('x-powered-by');
    // BigInt totals (Endorsement.grossCents…) as JSON numbers, or strings past 2^53: one place for every response.
    app.set('json replacer', bigintReplacer);
    app.use(compressResponses());
    app.use(requestContextMiddleware);
    app.use(jsonBodyMiddleware);
    app.enableCors({
      origin: config.CORS_ORIGINS === '*' ? true : config.CORS_ORIGINS.split(',').map((o) => o.trim()),
      exposedHeaders: ['Content-Range', 'X-Total-Kind', 'X-Request-Id'],
      credentials: false,
    });
    app.useGlobalPipes(createValidationPipe());
    if (redis) app.useWebSocketAdapter(new RedisIoAdapter(app, redis.pub, redis.sub, config.REDIS_PREFIX));
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('#APTIC back-office API')
        .setDescription('API du back-office #APTIC : ressources au contrat ra-data-simple-rest, actions métier, API partenaires et publique.')
        .setVersion('1.0')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
    app.enableShutdownHooks();
    return {
      app,
      deps,
      seeded,
      async close() {
        await app.close();
        if (redis) await Promise.allSettled([redis.client.quit(), redis.pub.quit(), redis.sub.quit()]);
        await db.close();
      },
    };
  } catch (error) {
    if (redis) await Promise.allSettled([redis.client.quit(), redis.pub.quit(), redis.sub.quit()]);
    await db.close().catch(() => undefined);
    throw error;
  }
}
