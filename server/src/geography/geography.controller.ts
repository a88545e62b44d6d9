import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, Matches } from 'class-validator';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../common/api-docs';
import { withoutSpaces } from '../common/validators';
import { communesOf } from './communes';

export class CommunesQueryDto {
  @ApiProperty({ example: '33700' })
  @Transform(withoutSpaces)
  @IsDefined({ message: 'est obligatoire (un code postal de 5 chiffres)' })
  @IsString({ message: 'doit être un code postal de 5 chiffres' })
  @Matches(/^\d{5}$/, { message: 'doit être un code postal de 5 chiffres' })
  postalCode!: string;
}

export class CommuneDto {
  @ApiProperty({ example: '33281' }) codeInsee!: string;
  @ApiProperty({ example: 'Mérignac' }) nom!: string;
  @ApiProperty({ example: '33' }) departement!: string;
}

/** The communes a postal code serves (Etalab's split), for the forms that propose them. */
@ApiTags('public')
@Controller('api/public/communes')
@Public()
export class PublicCommunesController {
  @Get()
  @ApiResponse({ status: 200, type: [CommuneDto], description: 'Empty for a CEDEX or unknown code' })
  @ApiErrors(400)
  communes(@Query() query: CommunesQueryDto): CommuneDto[] {
    return communesOf(query.postalCode);
  }
}
