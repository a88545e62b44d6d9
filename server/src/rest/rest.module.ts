import { Global, Module } from '@nestjs/common';
import { ResourceService } from './resource.service';

/** The react-admin REST contract's reading side (lists, records as each user may see them), shared by every area. */
@Global()
@Module({
  providers: [ResourceService],
  exports: [ResourceService],
})
export class RestModule {}
