import { Global, Module } from '@nestjs/common';
import { ResourceWrites } from './resource-writes';
import { WritePath } from './write-path';

/** The one write path, shared by every area. */
@Global()
@Module({
  providers: [WritePath, ResourceWrites],
  exports: [WritePath, ResourceWrites],
})
export class WritesModule {}
