import { DynamicModule, Global, Module } from '@nestjs/common';
import { PrismaClient } from '../generated/prisma/client';
import { Database } from './database';

/** Provides the opened Database and its PrismaClient to every module. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(db: Database): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: 'DATABASE', useValue: db },
        { provide: PrismaClient, useValue: db.prisma },
      ],
      exports: ['DATABASE', PrismaClient],
    };
  }
}
