import { Module } from '@nestjs/common';
import { createResourceController } from '../rest/resource-controller.factory';
import { commentsResource } from './comments.resources';

@Module({ controllers: [createResourceController(commentsResource)] })
export class CommentsModule {}
