import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { createResourceController } from '../writes/resource-controller.factory';
import { EndorsementActionsController, PayoutActionsController, StatementAdjustmentsController } from './endorsement.controllers';
import { endorsementsResource, payoutsResource, statementsResource } from './endorsement.resources';
import { EndorsementsService } from './endorsements.service';
import { PayoutsService } from './payouts.service';

@Module({
  imports: [JobsModule],
  // The actions first: "prepare" is not an id.
  controllers: [EndorsementActionsController, PayoutActionsController, StatementAdjustmentsController, ...[endorsementsResource, statementsResource, payoutsResource].map((def) => createResourceController(def))],
  providers: [EndorsementsService, PayoutsService],
})
export class EndorsementModule {}
