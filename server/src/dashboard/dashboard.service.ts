import { Injectable } from '@nestjs/common';
import { canRead } from '../auth/permissions';
import { StaffUser } from '../auth/staff-user';
import { PrismaClient } from '../generated/prisma/client';
import { dataModel } from '../database/model-meta';

function countsByStatus(enumName: string, rows: { status: string; _count: { _all: number } }[]) {
  const out: Record<string, number> = Object.fromEntries((dataModel.enums[enumName] ?? []).map((v) => [v, 0]));
  for (const row of rows) out[row.status] = row._count._all;
  return out;
}

export interface DashboardFigures {
  structuresByStatus?: Record<string, number>;
  apticulteurs?: number;
  applicationsByStatus?: Record<string, number>;
  pendingApplications?: number;
  passesByStatus?: Record<string, number>;
  offersPendingReview?: number;
  openDisputes?: number;
  activeOrders?: number;
}

@Injectable()
export class DashboardService {
  constructor(private readonly prisma: PrismaClient) {}

  async figuresFor(user: StaffUser): Promise<DashboardFigures> {
    const out: DashboardFigures = {};
    const jobs: Promise<void>[] = [];
    if (canRead(user.role, 'structures')) {
      jobs.push(
        this.prisma.structure.groupBy({ by: ['status'], _count: { _all: true } }).then((rows) => {
          out.structuresByStatus = countsByStatus('StructureStatus', rows);
          out.apticulteurs = out.structuresByStatus.ELIGIBLE;
        }),
      );
    }
    if (canRead(user.role, 'applications')) {
      jobs.push(
        this.prisma.application.groupBy({ by: ['status'], _count: { _all: true } }).then((rows) => {
          out.applicationsByStatus = countsByStatus('ApplicationStatus', rows);
          const s = out.applicationsByStatus;
          out.pendingApplications = s.SUBMITTED + s.IN_REVIEW + s.ON_HOLD;
        }),
      );
    }
    if (canRead(user.role, 'passes')) {
      jobs.push(this.prisma.pass.groupBy({ by: ['status'], _count: { _all: true } }).then((rows) => void (out.passesByStatus = countsByStatus('PassStatus', rows))));
    }
    if (canRead(user.role, 'offers')) {
      jobs.push(this.prisma.offer.count({ where: { status: 'PENDING_REVIEW' } }).then((n) => void (out.offersPendingReview = n)));
    }
    if (canRead(user.role, 'disputes')) {
      jobs.push(this.prisma.dispute.count({ where: { status: { in: ['OPEN', 'INVESTIGATING'] } } }).then((n) => void (out.openDisputes = n)));
    }
    if (canRead(user.role, 'orders')) {
      jobs.push(this.prisma.order.count({ where: { status: 'ACTIVE' } }).then((n) => void (out.activeOrders = n)));
    }
    await Promise.all(jobs);
    return out;
  }
}
