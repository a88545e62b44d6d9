import { Module } from '@nestjs/common';
import { createResourceController } from '../writes/resource-controller.factory';
import { commentsResource } from './comments.resources';
import { CommentsWriter } from './comments.writer';

@Module({ controllers: [createResourceController(commentsResource, CommentsWriter)], providers: [CommentsWriter] })
export class CommentsModule {}
