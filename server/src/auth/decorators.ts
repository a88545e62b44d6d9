import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Access, PermissionName } from './permissions';
import { StaffUser } from './staff-user';

export const IS_PUBLIC = 'aptic:public';
export const PERMISSION = 'aptic:permission';

/** No staff token needed (login, health, public and partner APIs, which check their own credentials). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs this access to the resource (or report) in the role matrix (SPEC §3). */
export const RequirePermission = (resource: PermissionName, access: Access) => SetMetadata(PERMISSION, { resource, access });

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffUser => ctx.switchToHttp().getRequest().user);
