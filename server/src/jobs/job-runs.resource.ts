import { jobsFollowedBy } from '../auth/permissions';
import { ResourceDefinition } from '../rest/resource-definition';

/** Runs of long jobs, read-only; each role sees the runs of the jobs it may follow (JOB_MATRIX). */
export const jobRunsResource: ResourceDefinition<'JobRun'> = {
  name: 'job-runs',
  model: 'JobRun',
  search: ['name', 'key'],
  defaultSort: ['startedAt', 'DESC'],
  scope: (user) => ({ name: { in: jobsFollowedBy(user.role) } }),
};
