import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { endorsementsResource, payoutsResource, statementsResource } from './endorsement.resources';

@Module({ controllers: [endorsementsResource, statementsResource, payoutsResource].map((def) => createResourceController(def)) })
export class EndorsementModule {}
