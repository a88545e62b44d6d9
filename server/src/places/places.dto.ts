import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDepartement } from '../common/validators';
import { COMMUNE_NAME, PLACES_PER_PAGE_MAX } from '../rules/places';

/** A filter left empty ("?commune=") is no filter; others are trimmed (postal codes lose their spaces). */
const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);
const code = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') || undefined : value);

/** "3" → 3; anything else stays as it came, for the checks to refuse with their message. */
const integer = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

/** GET /api/public/places: the directory's filters (each optional) and its page. */
export class PlacesQueryDto {
  @ApiPropertyOptional({ example: '33', description: 'Code du département' })
  @Transform(text) @IsOptional() @IsDepartement()
  departement?: string;

  @ApiPropertyOptional({ example: '33700' })
  @Transform(code) @IsOptional() @IsString({ message: 'doit être un code postal de 5 chiffres' }) @Matches(/^\d{5}$/, { message: 'doit être un code postal de 5 chiffres' })
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Mérignac', description: 'Nom de la commune, avec ou sans accents' })
  @Transform(text) @IsOptional() @IsString({ message: 'doit être un nom de commune' }) @MaxLength(100, { message: '100 caractères au plus' })
  @Matches(COMMUNE_NAME, { message: 'un nom de commune : des lettres, espaces, tirets et apostrophes' })
  commune?: string;

  @ApiPropertyOptional({ example: 'DEMARCHES', description: 'Code d’une catégorie du référentiel (GET /api/public/referential)' })
  @Transform(text) @IsOptional() @IsString({ message: 'doit être un code de catégorie' }) @MaxLength(50, { message: '50 caractères au plus' })
  category?: string;

  @ApiPropertyOptional({ example: 1, minimum: 1 })
  @IsOptional() @Transform(integer) @IsInt({ message: 'doit être un numéro de page (1, 2, …)' }) @Min(1, { message: 'commence à 1' }) @Max(10_000, { message: '10 000 au plus' })
  page?: number;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: PLACES_PER_PAGE_MAX })
  @IsOptional() @Transform(integer) @IsInt({ message: 'doit être un nombre entier' }) @Min(1, { message: '1 au moins' }) @Max(PLACES_PER_PAGE_MAX, { message: `${PLACES_PER_PAGE_MAX} au plus` })
  perPage?: number;
}

export class PublicServiceDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Faire ses démarches en ligne' }) title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: 'DEMARCHES' }) categoryCode!: string;
  @ApiProperty({ example: 'Aide aux démarches administratives' }) categoryLabel!: string;
  @ApiProperty() serviceLabel!: string;
  @ApiProperty({ example: 1000, description: 'Prix, en centimes' }) priceCents!: number;
  @ApiProperty({ example: 60 }) durationMinutes!: number;
  @ApiProperty({ example: 0, description: 'Reste à charge avec un pass de 10 €, en centimes (0 : sans reste à charge)' }) remainingCents!: number;
}

export class PublicPlaceDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Médiathèque de Mérignac — accueil' }) name!: string;
  @ApiProperty() structureName!: string;
  @ApiProperty() addressLine!: string;
  @ApiProperty({ example: '33700' }) postalCode!: string;
  @ApiProperty({ example: 'Mérignac' }) city!: string;
  @ApiProperty({ example: '33' }) departement!: string;
  @ApiProperty({ example: 'Gironde', nullable: true, type: String }) departementName!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 44.8378 }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: -0.5792 }) longitude!: number | null;
  @ApiProperty({ type: [PublicServiceDto] }) services!: PublicServiceDto[];
}

export class PublicPlacesPageDto {
  @ApiProperty({ type: [PublicPlaceDto] }) items!: PublicPlaceDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() perPage!: number;
}

/** A record of the national schema « lieux de médiation numérique » (ANCT): text columns, lists joined by « | ». */
export class LieuMediationNumeriqueRecordDto {
  @ApiProperty({ example: 'aptic-5b0c…' }) id!: string;
  @ApiProperty() nom!: string;
  @ApiProperty({ example: '21330281300014', description: 'SIRET' }) pivot!: string;
  @ApiPropertyOptional({ example: 'Aide aux démarches administratives|Accès internet et matériel informatique' }) services?: string;
  @ApiProperty() commune!: string;
  @ApiProperty() code_postal!: string;
  @ApiProperty() adresse!: string;
  @ApiPropertyOptional() code_insee?: string;
  @ApiPropertyOptional() telephone?: string;
  @ApiPropertyOptional() site_web?: string;
  @ApiPropertyOptional() presentation_resume?: string;
  @ApiPropertyOptional({ example: 'Gratuit sous condition' }) frais_a_charge?: string;
  @ApiPropertyOptional({ example: 44.8378 }) latitude?: number;
  @ApiPropertyOptional({ example: -0.5792 }) longitude?: number;
  @ApiProperty({ example: 'APTIC' }) source!: string;
  @ApiProperty({ example: '2026-12-04' }) date_maj!: string;
}

export class PublicMapSettingsDto {
  @ApiProperty({ nullable: true, type: String, example: 'https://tuiles.example.fr/{z}/{x}/{y}.png', description: 'None: no map' }) tilesUrl!: string | null;
  @ApiProperty({ example: '© les contributeurs d’OpenStreetMap' }) attribution!: string;
}
