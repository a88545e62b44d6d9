import { Body, Controller, Delete, Get, Inject, Optional, Param, Post, Put, Query, Res, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, RequirePermission } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import type { Prisma } from '../generated/prisma/client';
import { RecordModelName, ResourceDefinition } from '../rest/resource-definition';
import { registerResource } from '../rest/resource-registry';
import { ResourceService } from '../rest/resource.service';
import { ResourceWriter, ResourceWrites } from './resource-writes';
import { TOTAL_KIND_HEADER } from '../rest/list-count';

const NO_WRITER = Symbol('no-writer');

/**
 * Builds the ra-data-simple-rest controller of one resource: list, getOne (and getMany through
 * filter={"id":[…]}), and create/update/delete when a writer is given. Permission per route
 * comes from the role matrix.
 */
export function createResourceController<M extends RecordModelName>(def: ResourceDefinition<M>, writer?: Type<ResourceWriter<M>>): Type<unknown> {
  registerResource(def);
  @ApiTags(def.name)
  @ApiBearerAuth()
  @Controller(`api/${def.name}`)
  class ResourceController {
    constructor(
      readonly resources: ResourceService,
      readonly writes: ResourceWrites,
      @Optional() @Inject(writer ?? NO_WRITER) readonly writerInstance?: ResourceWriter<M>,
    ) {}

    @Get()
    @RequirePermission(def.name, 'R')
    @ApiQuery({ name: 'sort', required: false, example: '["id","ASC"]' })
    @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
    @ApiQuery({ name: 'filter', required: false, example: '{"q":"texte"}' })
    async list(@Query('sort') sort: unknown, @Query('range') range: unknown, @Query('filter') filter: unknown, @CurrentUser() user: StaffUser, @Res({ passthrough: true }) res: Response) {
      const page = await this.resources.list(def, { sort, range, filter }, user);
      res.setHeader('Content-Range', page.contentRange);
      res.setHeader(TOTAL_KIND_HEADER, page.totalKind);
      return page.rows;
    }

    @Get(':id')
    @RequirePermission(def.name, 'R')
    getOne(@Param('id') id: string, @CurrentUser() user: StaffUser) {
      return this.resources.getOne(def, id, user);
    }

    @Post()
    @RequirePermission(def.name, 'W')
    create(@Body() body: unknown, @CurrentUser() user: StaffUser) {
      return this.writes.create(def, this.writerInstance, body, user);
    }

    @Put(':id')
    @RequirePermission(def.name, 'W')
    update(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: StaffUser) {
      return this.writes.update(def, this.writerInstance, id, body, user);
    }

    @Delete(':id')
    @RequirePermission(def.name, 'W')
    remove(@Param('id') id: string, @CurrentUser() user: StaffUser) {
      return this.writes.remove(def, this.writerInstance, id, user);
    }
  }
  // Named after the resource, not the model: two resources of one model (users, staff) get
  // distinct operationIds in the OpenAPI document.
  const className = def.name.replace(/(^|-)([a-z])/g, (_m, _dash, c: string) => c.toUpperCase()) + 'ResourceController';
  Object.defineProperty(ResourceController, 'name', { value: className });
  return ResourceController;
}
