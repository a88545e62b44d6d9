import { useRecordContext } from 'react-admin';
// The server's own transition tables: one source for what the server accepts and what the console offers.
import { mayTake, type WorkflowAction, type WorkflowResource } from '../../../server/src/rules/workflows';
import { canAccessResource, getStoredUser } from '../authProvider';

/**
 * Whether the signed-in user may take this workflow action on the record in context: the role
 * writes the resource (role matrix), the action is open to the role, the record's state allows it,
 * and for a holder-only action (deciding an application) the record is free or the user's.
 */
export const useWorkflowAllows = <R extends WorkflowResource>(resource: R, action: WorkflowAction<R>): boolean => {
    const record = useRecordContext();
    const user = getStoredUser();
    if (!record || !user || !canAccessResource(user, resource, 'edit')) return false;
    return mayTake(resource, action, { status: record.status, assigneeId: record.assigneeId }, user);
};
