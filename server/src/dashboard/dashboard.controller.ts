import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import type { RoleDashboard } from '../rules/dashboards';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The console's first screen for the caller's role (RoleDashboard, rules/dashboards.ts). */
  @Get()
  figures(@CurrentUser() user: StaffUser): Promise<RoleDashboard> {
    return this.dashboard.figuresFor(user);
  }
}
