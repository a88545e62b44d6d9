import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../common/validators';
import type { SubscriptionPlan } from '../../generated/prisma/enums';
import { KIT_PLANS } from '../../rules/subscriptions';

const PLANS = KIT_PLANS;
const required = { message: 'est obligatoire' };
const plan = { message: 'formule MONTHLY (mensuelle) ou ANNUAL (annuelle)' };
export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** A structure orders its kit (partner API): the plan only; the fee comes from the configuration. */
export class OrderKitDto {
  @ApiProperty({ enum: PLANS, example: 'MONTHLY' }) @IsDefined(required) @IsIn(PLANS, plan) plan!: SubscriptionPlan;
}

/** Ending a kit (FINANCE, ADMIN): why, in words kept in the audit log and on the subscription. */
export class EndSubscriptionDto {
  @ApiProperty({ example: 'La structure rend le kit (cessation d’activité).', minLength: REASON_MIN, maxLength: REASON_MAX })
  @Transform(trimmed)
  @IsDefined({ message: 'indiquez le motif' })
  @IsString({ message: 'doit être un texte' })
  @MinLength(REASON_MIN, { message: `indiquez le motif (${REASON_MIN} caractères au moins)` })
  @MaxLength(REASON_MAX, { message: `${REASON_MAX} caractères au plus` })
  reason!: string;
}

/** Changing a kit's plan (FINANCE, ADMIN): the new plan and why; the fee comes from the configuration. */
export class ChangePlanDto extends EndSubscriptionDto {
  @ApiProperty({ enum: PLANS, example: 'ANNUAL' }) @IsDefined(required) @IsIn(PLANS, plan) plan!: SubscriptionPlan;
}

/** A kit formula and its price (GET /api/partner/subscription/plans): what ordering it costs. */
export class KitPlanDto {
  @ApiProperty({ enum: PLANS, example: 'MONTHLY' }) plan!: SubscriptionPlan;
  @ApiProperty({ example: 840, description: 'Fee per period (month or year) incl. VAT, in cents, from the configuration' }) feeCents!: number;
}

/** A kit as the partner API answers it (GET and POST /api/partner/subscription). */
export class KitDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: PLANS }) plan!: SubscriptionPlan;
  @ApiProperty({ enum: ['PENDING', 'ACTIVE', 'CANCELLED'], description: 'PENDING until the first accepted scan; ACTIVE: billed; CANCELLED: ended' }) status!: 'PENDING' | 'ACTIVE' | 'CANCELLED';
  @ApiProperty({ example: 840, description: 'Fee per period (month or year) incl. VAT, in cents' }) feeCents!: number;
  @ApiProperty({ format: 'date-time' }) orderedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Billing start: 00:00 UTC of the Paris date of the first accepted scan' }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'After a plan change once billing started: first day of the current plan' }) planFrom!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ example: 2520, description: 'Fees due so far incl. VAT, in cents: every period begun from the billing start up to today (or the end)' }) feesDueCents!: number;
}
