import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Optional, UpdateOf, trimmed } from '../../common/validators';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;

export class CreateReferentialCategoryDto {
  @ApiProperty({ example: 'DEMARCHES' }) @Transform(trimmed) @Matches(CODE, { message: 'code : majuscules, chiffres, - ou _, 2 à 40 caractères' }) code!: string;
  @ApiProperty() @Transform(trimmed) @IsString({ message: 'doit être un texte' }) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(200, { message: '200 caractères au plus' }) label!: string;
  @ApiPropertyOptional() @IsOptional() @IsString({ message: 'doit être un texte' }) @MaxLength(2000, { message: '2000 caractères au plus' }) description?: string;
  @ApiPropertyOptional() @Optional() @IsInt({ message: 'doit être un entier' }) @Min(0) @Max(1000) position?: number;
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'doit être vrai ou faux' }) active?: boolean;
}
export class UpdateReferentialCategoryDto extends UpdateOf(CreateReferentialCategoryDto) {}

export class CreateReferentialServiceDto {
  @ApiProperty({ example: 'DEMARCHES-CAF' }) @Transform(trimmed) @Matches(CODE, { message: 'code : majuscules, chiffres, - ou _, 2 à 40 caractères' }) code!: string;
  @ApiProperty() @IsString({ message: 'doit être un texte' }) @MinLength(1, { message: 'est obligatoire' }) @MaxLength(64) categoryId!: string;
  @ApiProperty() @Transform(trimmed) @IsString({ message: 'doit être un texte' }) @MinLength(2, { message: '2 caractères au moins' }) @MaxLength(200, { message: '200 caractères au plus' }) label!: string;
  @ApiPropertyOptional() @IsOptional() @IsString({ message: 'doit être un texte' }) @MaxLength(2000, { message: '2000 caractères au plus' }) description?: string;
  @ApiPropertyOptional({ description: 'Prix recommandé en centimes (1000 = 10 €)' })
  @Optional() @IsInt({ message: 'doit être un nombre entier de centimes' }) @Min(0, { message: 'ne peut pas être négatif' }) @Max(100_000, { message: '1 000 € au plus' })
  recommendedPriceCents?: number;
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'doit être vrai ou faux' }) active?: boolean;
}
export class UpdateReferentialServiceDto extends UpdateOf(CreateReferentialServiceDto) {}
