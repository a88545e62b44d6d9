import { Module } from '@nestjs/common';
import { PublicCommunesController } from './geography.controller';

@Module({ controllers: [PublicCommunesController] })
export class GeographyModule {}
