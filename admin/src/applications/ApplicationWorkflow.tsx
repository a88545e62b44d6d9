import { Stack } from '@mui/material';
import { useCanAccess, useRecordContext } from 'react-admin';
import { HeldBy } from '../common/AssignButton';
import { getStoredUser } from '../authProvider';
import { ClaimButton } from './ClaimButton';
import { ApproveButton } from './ApproveButton';
import { HoldButton } from './HoldButton';
import { RejectButton } from './RejectButton';
import { ReassignButton } from './ReassignButton';


/**
 * The decisions a reviewer can take on the application in its current status (W on applications).
 * Each button asks the shared transition table; on a colleague's application the page names the
 * holder and offers "Réattribuer" (the decisions are theirs).
 */
export const ApplicationWorkflow = () => {
    const { canAccess } = useCanAccess({ resource: 'applications', action: 'edit' });
    const record = useRecordContext();
    const user = getStoredUser();
    if (!canAccess || !record || !user) return null;
    const othersClaim = record.assigneeId && record.assigneeId !== user.id;
    return (
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            {othersClaim && <HeldBy assigneeId={record.assigneeId} prefix="reassign" testId="application-holder" />}
            <ClaimButton />
            <ApproveButton />
            <HoldButton />
            <RejectButton />
            {record.assigneeId && <ReassignButton />}
        </Stack>
    );
};
