import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../common/api-docs';
import { openDataCsv } from './open-data';
import { AppConfig } from '../config/app-config';
import type { PublicMapSettings } from '../rules/places';
import { LieuMediationNumeriqueRecordDto, PlacesQueryDto, PublicMapSettingsDto, PublicPlaceDto, PublicPlacesPageDto } from './places.dto';
import { PlacesService } from './places.service';

/** Where to spend a pass: the public directory of the places that accept it (no login). */
@ApiTags('public')
@Controller('api/public')
@Public()
export class PublicPlacesController {
  constructor(
    private readonly places: PlacesService,
    private readonly config: AppConfig,
  ) {}

  /** The map's tile server (PUBLIC_MAP_TILES_URL), if any: without one the directory is a list. */
  @Get('map')
  @ApiOkResponse({ type: PublicMapSettingsDto })
  map(): PublicMapSettings {
    return { tilesUrl: this.config.PUBLIC_MAP_TILES_URL ?? null, attribution: this.config.PUBLIC_MAP_ATTRIBUTION };
  }

  /** Eligible places with their approved services and prices, filtered by département, commune, postal code and category. */
  @Get('places')
  @ApiOkResponse({ type: PublicPlacesPageDto })
  @ApiErrors(400)
  list(@Query() query: PlacesQueryDto) {
    return this.places.list(query);
  }

  @Get('places/:id')
  @ApiOkResponse({ type: PublicPlaceDto })
  @ApiErrors(404)
  one(@Param('id') id: string) {
    return this.places.one(id);
  }

  /** Open data: every place in the national schema of digital-mediation places (ANCT), as JSON. */
  @Get('open-data/lieux-mediation-numerique.json')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({ type: [LieuMediationNumeriqueRecordDto], description: 'Records of the schema « lieux de médiation numérique »' })
  openDataJson() {
    return this.places.openData();
  }

  /** The same, as CSV. */
  @Get('open-data/lieux-mediation-numerique.csv')
  @ApiOkResponse({ description: 'The records as CSV, every column of the schema', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Header('Cache-Control', 'public, max-age=3600')
  async openDataCsv() {
    const bytes = Buffer.from(openDataCsv(await this.places.openData()), 'utf8');
    return new StreamableFile(bytes, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="lieux-mediation-numerique-aptic.csv"', length: bytes.length });
  }
}
