import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsEmail, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@aptic.fr' })
  @IsDefined({ message: 'est obligatoire' })
  @IsString({ message: 'doit être un texte' })
  @IsEmail({}, { message: 'doit être une adresse e-mail' })
  @MaxLength(200, { message: '200 caractères au plus' })
  email!: string;

  @ApiProperty()
  @IsDefined({ message: 'est obligatoire' })
  @IsString({ message: 'doit être un texte' })
  @MaxLength(200, { message: '200 caractères au plus' })
  password!: string;
}

