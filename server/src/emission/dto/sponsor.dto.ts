import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsDepartement, IsPostalCode, IsSiret, UpdateOf, trimmed, withoutSpaces } from '../../common/validators';
import { SponsorKind } from '../../generated/prisma/enums';

const KINDS = Object.values(SponsorKind);
const text = (max: number) => [IsString({ message: 'doit être un texte' }), MinLength(1, { message: 'est obligatoire' }), MaxLength(max, { message: `${max} caractères au plus` })];
const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

export class CreateSponsorDto {
  @ApiProperty({ example: 'Département de la Gironde' }) @Transform(trimmed) @apply(...text(200)) name!: string;
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS, { message: `doit être l'un de ${KINDS.join(', ')}` }) kind!: SponsorKind;
  @ApiProperty({ example: '22330001300016' }) @Transform(withoutSpaces) @IsSiret() siret!: string;
  @ApiProperty() @Transform(trimmed) @apply(...text(200)) addressLine!: string;
  @ApiProperty({ example: '33000' }) @Transform(withoutSpaces) @IsPostalCode() postalCode!: string;
  @ApiProperty() @Transform(trimmed) @apply(...text(120)) city!: string;
  @ApiProperty({ example: '33' }) @Transform(trimmed) @IsDepartement() departement!: string;
  @ApiProperty() @Transform(trimmed) @apply(...text(120)) contactName!: string;
  @ApiProperty() @Transform(trimmed) @IsEmail({}, { message: 'doit être une adresse e-mail valide' }) contactEmail!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString({ message: 'doit être un texte' }) @MaxLength(30, { message: '30 caractères au plus' }) contactPhone?: string;
}

export class UpdateSponsorDto extends UpdateOf(CreateSponsorDto) {}
