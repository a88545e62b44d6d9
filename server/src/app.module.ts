import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { consoleStaticOptions } from './common/console-assets';
import * as fs from 'node:fs';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { PermissionGuard, StaffAuthGuard } from './auth/guards';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CommentsModule } from './comments/comments.module';
import { AllExceptionsFilter } from './common/exception.filter';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { Database } from './database/database';
import { DatabaseModule } from './database/database.module';
import { DisputesModule } from './disputes/disputes.module';
import { DocumentsModule } from './documents/documents.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { EmissionModule } from './emission/emission.module';
import { EndorsementModule } from './endorsement/endorsement.module';
import { GeographyModule } from './geography/geography.module';
import { PlacesModule } from './places/places.module';
import { HealthController } from './health/health.controller';
import { LedgerModule } from './ledger/ledger.module';
import { JobsModule } from './jobs/jobs.module';
import { RealtimeModule } from './realtime/realtime.module';
import { ReportsModule } from './reports/reports.module';
import { RedisModule } from './redis/redis.module';
import type { RedisClient } from './redis/redis';
import { RestModule } from './rest/rest.module';
import { ScanningModule } from './scanning/scanning.module';
import { StaffModule } from './staff/staff.module';
import { WritesModule } from './writes/writes.module';

export interface AppDependencies {
  config: AppConfig;
  db: Database;
  redis?: { client: RedisClient; pub: RedisClient; sub: RedisClient };
}

@Module({})
export class AppModule {
  static forRoot({ config, db, redis }: AppDependencies): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_FILTER, useClass: AllExceptionsFilter },
      { provide: APP_GUARD, useClass: StaffAuthGuard },
      { provide: APP_GUARD, useClass: PermissionGuard },
    ];
    const consoleBuilt = fs.existsSync(`${config.ADMIN_DIST_DIR}/index.html`);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(db),
        RedisModule.forRoot(redis?.client),
        RestModule,
        RealtimeModule.forRoot(redis?.client),
        WritesModule,
        AuditModule,
        AuthModule,
        StaffModule,
        EligibilityModule,
        CatalogueModule,
        EmissionModule,
        DocumentsModule,
        ScanningModule,
        DisputesModule,
        EndorsementModule,
        LedgerModule,
        ReportsModule,
        CommentsModule,
        DashboardModule,
        GeographyModule,
        PlacesModule,
        JobsModule,
        ...(consoleBuilt
          ? [ServeStaticModule.forRoot(consoleStaticOptions(config.ADMIN_DIST_DIR))]
          : []),
      ],
      controllers: [HealthController],
      providers,
    };
  }
}
