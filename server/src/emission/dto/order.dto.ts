import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDepartement, UpdateOf, trimmed, withoutSpaces } from '../../common/validators';
import { MAX_BOOKLETS_PER_ORDER, MAX_PASS_VALUE_CENTS, MIN_PASS_VALUE_CENTS } from '../../rules/orders';

const required = { message: 'est obligatoire' };
const integer = { message: 'doit être un nombre entier' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = { message: 'doit être une date AAAA-MM-JJ' };
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** What FINANCE chooses for an order; the amounts (face value, fee, VAT, total) are computed by the server. */
export class CreateOrderDto {
  @ApiProperty() @IsDefined(required) @IsUUID('4', { message: 'commanditaire inconnu' }) sponsorId!: string;
  @ApiProperty({ example: 100, description: 'Booklets of 10 passes' })
  @IsDefined(required) @IsInt(integer) @Min(1, { message: 'au moins 1 carnet' }) @Max(MAX_BOOKLETS_PER_ORDER, { message: `${MAX_BOOKLETS_PER_ORDER} carnets au plus par commande` })
  bookletCount!: number;
  @ApiPropertyOptional({ example: 1000, description: 'Value of one pass in cents (10 € by default)' })
  @IsOptional() @IsInt(integer) @Min(MIN_PASS_VALUE_CENTS, { message: 'au moins 1 €' }) @Max(MAX_PASS_VALUE_CENTS, { message: '100 € au plus' })
  passValueCents?: number;
  @ApiProperty({ example: 2027 }) @IsDefined(required) @IsInt(integer) @Min(2000, { message: 'année à partir de 2000' }) @Max(2100, { message: 'année jusqu’à 2100' }) validityYear!: number;
  @ApiPropertyOptional({ example: ['33', '2A'], description: 'Empty: valid everywhere' })
  @IsOptional() @IsArray({ message: 'doit être une liste de départements' }) @ArrayMaxSize(101, { message: '101 départements au plus' }) @IsDepartement({ each: true })
  allowedDepartements?: string[];
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @IsString(day) @Matches(DAY, day) validFrom?: string;
  @ApiPropertyOptional({ example: '2027-06-30' }) @IsOptional() @IsString(day) @Matches(DAY, day) validUntil?: string;
}

export class UpdateOrderDto extends UpdateOf(CreateOrderDto) {}

export class ActivateOrderDto {
  @ApiProperty({ example: 'MANDAT-2027-00042', description: "The sponsor's payment order number" })
  @Transform(upper) @IsDefined(required) @IsString(required) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(60, { message: '60 caractères au plus' })
  paymentOrderNumber!: string;
}

export class RecordPaymentDto {
  @ApiProperty({ example: 52000, description: 'Amount received, in cents' })
  @IsDefined(required) @IsInt({ message: 'un montant en centimes (nombre entier)' }) @Min(1, { message: 'doit être positif' }) @Max(2_000_000_000, { message: 'montant trop grand' })
  amountCents!: number;
  @ApiProperty({ example: '2027-01-15', description: 'Day the bank received it' }) @IsDefined(required) @IsString(day) @Matches(DAY, day) receivedOn!: string;
  @ApiProperty({ example: 'VIR-2027-000123' }) @Transform(trimmed) @IsDefined(required) @IsString(required) @MinLength(1, required) @MaxLength(35, { message: '35 caractères au plus' }) bankReference!: string;
}

export class HandOutDto {
  @ApiProperty({ example: '2027-01-15' }) @IsDefined(required) @IsString(day) @Matches(DAY, day) handedOutOn!: string;
  @ApiProperty({ example: 'CCAS — accueil', description: 'Who handed the booklets out (service or social worker)' })
  @Transform(trimmed) @IsDefined(required) @IsString(required) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(120, { message: '120 caractères au plus' })
  handedOutBy!: string;
}

export class HandOutRangeDto extends HandOutDto {
  @ApiProperty({ example: 'C-2027-000010' }) @Transform(withoutSpaces) @IsDefined(required) @IsString(required) @MaxLength(20) from!: string;
  @ApiProperty({ example: 'C-2027-000020' }) @Transform(withoutSpaces) @IsDefined(required) @IsString(required) @MaxLength(20) to!: string;
}
