import { Global, Module } from '@nestjs/common';
import { ListCounter } from './list-count';
import { ResourceService } from './resource.service';

/** The react-admin REST contract's reading side (lists, records as each user may see them), shared by every area. */
@Global()
@Module({
  providers: [ResourceService, ListCounter],
  exports: [ResourceService],
})
export class RestModule {}
