import { Module } from '@nestjs/common';
import { createResourceController } from '../rest/resource-controller.factory';
import { offersResource, referentialCategoriesResource, referentialServicesResource } from './catalogue.resources';
import { ReferentialCategoriesWriter, ReferentialServicesWriter } from './referential.writers';

@Module({
  controllers: [
    createResourceController(referentialCategoriesResource, ReferentialCategoriesWriter),
    createResourceController(referentialServicesResource, ReferentialServicesWriter),
    createResourceController(offersResource),
  ],
  providers: [ReferentialCategoriesWriter, ReferentialServicesWriter],
})
export class CatalogueModule {}
