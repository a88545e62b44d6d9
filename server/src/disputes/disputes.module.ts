import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { disputesResource } from './disputes.resources';

@Module({ controllers: [createResourceController(disputesResource)] })
export class DisputesModule {}
