import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../common/validators';
import type { SubscriptionPlan } from '../../generated/prisma/enums';

const PLANS = ['MONTHLY', 'ANNUAL'] as const satisfies readonly SubscriptionPlan[];
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
