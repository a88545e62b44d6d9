import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import { StaffUser } from '../auth/staff-user';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** Figures for the console's home page, limited to what the role may read. */
  @Get()
  figures(@CurrentUser() user: StaffUser) {
    return this.dashboard.figuresFor(user);
  }
}
