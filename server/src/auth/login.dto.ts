import { ApiProperty } from '@nestjs/swagger';
import { FitsBcrypt, MAX_PASSWORD_BYTES } from '../common/validators';
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
  @FitsBcrypt({ message: `${MAX_PASSWORD_BYTES} octets au plus : aucun mot de passe plus long n’est enregistré. Si le vôtre l’est, demandez à un administrateur de le réinitialiser` })
  password!: string;
}

