import { Module } from '@nestjs/common';
import { PartnerAuthGuard } from './partner-auth.guard';

/** Partner (structure) authentication, shared by the areas that serve partner routes. */
@Module({ providers: [PartnerAuthGuard], exports: [PartnerAuthGuard] })
export class PartnerModule {}
