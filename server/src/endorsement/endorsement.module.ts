import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { createResourceController } from '../writes/resource-controller.factory';
import { EndorsementActionsController } from './endorsement.controllers';
import { endorsementsResource, payoutsResource, statementsResource } from './endorsement.resources';
import { EndorsementsService } from './endorsements.service';

@Module({
  imports: [JobsModule],
  // The actions first: "prepare" is not an id.
  controllers: [EndorsementActionsController, ...[endorsementsResource, statementsResource, payoutsResource].map((def) => createResourceController(def))],
  providers: [EndorsementsService],
})
export class EndorsementModule {}
