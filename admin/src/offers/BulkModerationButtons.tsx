import ApproveIcon from '@mui/icons-material/CheckCircle';
import RejectIcon from '@mui/icons-material/Block';
import ChangesIcon from '@mui/icons-material/EditNote';
import { useCanAccess, useListContext } from 'react-admin';
import { allows } from '../../../server/src/rules/workflows';
import { getStoredUser } from '../authProvider';
import { BulkActionButton } from '../common';
import { ChangesInput, ReasonInput } from './moderationInputs';

/**
 * The moderation queue's bulk actions: one `POST /api/offers/batch` for the selected offers. Each
 * button shows when the shared transition table allows it for at least one selected offer (the
 * batch's results then say which ones were skipped); an offer selected on another page counts too.
 */
export const BulkModerationButtons = () => {
    const { canAccess } = useCanAccess({ resource: 'offers', action: 'edit' });
    const { selectedIds = [], data = [] } = useListContext();
    if (!canAccess) return null;
    const role = getStoredUser()?.role;
    const shown = new Map(data.map(record => [record.id, record.status]));
    const anyAllows = (action: string) =>
        selectedIds.some(id => !shown.has(id) || allows('offers', action, shown.get(id), role));
    return (
        <>
            {anyAllows('approve') && (
                <BulkActionButton action="approve" label="offers.moderation.approve" icon={<ApproveIcon />} color="success" />
            )}
            {anyAllows('request-changes') && <BulkActionButton
                action="request-changes"
                label="offers.moderation.requestChanges"
                icon={<ChangesIcon />}
                color="warning"
                dialog={{ title: 'offers.moderation.bulkRequestChangesTitle', inputs: <ChangesInput /> }}
            />}
            {anyAllows('reject') && <BulkActionButton
                action="reject"
                label="offers.moderation.reject"
                icon={<RejectIcon />}
                color="error"
                dialog={{ title: 'offers.moderation.bulkRejectTitle', inputs: <ReasonInput /> }}
            />}
        </>
    );
};
