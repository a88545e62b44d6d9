import { Module } from '@nestjs/common';
import { createResourceController } from '../rest/resource-controller.factory';
import {
  applicationsResource,
  charterSignaturesResource,
  chartersResource,
  locationsResource,
  questionnairesResource,
  structuresResource,
} from './eligibility.resources';

@Module({
  controllers: [structuresResource, locationsResource, applicationsResource, chartersResource, charterSignaturesResource, questionnairesResource].map((def) =>
    createResourceController(def),
  ),
})
export class EligibilityModule {}
