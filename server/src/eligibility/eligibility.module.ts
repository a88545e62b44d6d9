import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PartnerModule } from '../partner/partner.module';
import { PartnerController } from '../partner/partner.controller';
import { PartnerService } from '../partner/partner.service';
import { createResourceController } from '../writes/resource-controller.factory';
import { ApplicationsService } from './applications.service';
import { ChartersWriter, CurrentVersions, PublicationService, QuestionnairesWriter } from './charters.service';
import { ApplicationActionsController, PublicationController, PublicEligibilityController, StructureActionsController } from './eligibility.controllers';
import {
  applicationsResource,
  charterSignaturesResource,
  chartersResource,
  locationsResource,
  questionnairesResource,
  structuresResource,
} from './eligibility.resources';
import { StructuresService } from './structures.service';
import { LocationsWriter, StructuresWriter } from './structures.writers';

@Module({
  imports: [AuthModule, PartnerModule],
  controllers: [
    PublicEligibilityController,
    ApplicationActionsController,
    StructureActionsController,
    PublicationController,
    PartnerController,
    createResourceController(chartersResource, ChartersWriter),
    createResourceController(questionnairesResource, QuestionnairesWriter),
    createResourceController(structuresResource, StructuresWriter),
    createResourceController(locationsResource, LocationsWriter),
    ...[applicationsResource, charterSignaturesResource].map((def) => createResourceController(def)),
  ],
  providers: [ApplicationsService, StructuresService, StructuresWriter, LocationsWriter, CurrentVersions, PublicationService, ChartersWriter, QuestionnairesWriter, PartnerService],
  exports: [CurrentVersions],
})
export class EligibilityModule {}
