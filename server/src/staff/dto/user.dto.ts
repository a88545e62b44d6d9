import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsBcrypt, Optional, trimmed } from '../../common/validators';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../generated/prisma/enums';

const ROLES = Object.values(Role);

export class CreateUserDto {
  @ApiProperty({ example: 'camille.martin@aptic.fr' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  @MaxLength(200, { message: '200 caractères au plus' })
  email!: string;

  @ApiProperty({ example: 'Camille Martin' })
  @Transform(trimmed)
  @IsString({ message: 'doit être un texte' })
  @MinLength(2, { message: '2 caractères au moins' })
  @MaxLength(120, { message: '120 caractères au plus' })
  fullName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `doit être l'un des rôles ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ minLength: 12 })
  @IsString({ message: 'doit être un texte' })
  @MinLength(12, { message: '12 caractères au moins' })
  @FitsBcrypt()
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trimmed)
  @IsString({ message: 'doit être un texte' })
  @MinLength(2, { message: '2 caractères au moins' })
  @MaxLength(120, { message: '120 caractères au plus' })
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES, { message: `doit être l'un des rôles ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'doit être vrai ou faux' })
  active?: boolean;

  @ApiPropertyOptional({ minLength: 12 })
  @Optional()
  @IsString({ message: 'doit être un texte' })
  @MinLength(12, { message: '12 caractères au moins' })
  @FitsBcrypt()
  password?: string;
}
