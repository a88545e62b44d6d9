import { Module } from '@nestjs/common';
import { PublicPlacesController } from './places.controller';
import { PlacesService } from './places.service';

@Module({ controllers: [PublicPlacesController], providers: [PlacesService] })
export class PlacesModule {}
