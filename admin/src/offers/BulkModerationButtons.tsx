import ApproveIcon from '@mui/icons-material/CheckCircle';
import RejectIcon from '@mui/icons-material/Block';
import ChangesIcon from '@mui/icons-material/EditNote';
import { useCanAccess } from 'react-admin';
import { BulkActionButton } from '../common';
import { ChangesInput, ReasonInput } from './moderationInputs';

/** The moderation queue's bulk actions: one `POST /api/offers/batch` for the selected offers. */
export const BulkModerationButtons = () => {
    const { canAccess } = useCanAccess({ resource: 'offers', action: 'edit' });
    if (!canAccess) return null;
    return (
        <>
            <BulkActionButton action="approve" label="offers.moderation.approve" icon={<ApproveIcon />} color="success" />
            <BulkActionButton
                action="request-changes"
                label="offers.moderation.requestChanges"
                icon={<ChangesIcon />}
                color="warning"
                dialog={{ title: 'offers.moderation.bulkRequestChangesTitle', inputs: <ChangesInput /> }}
            />
            <BulkActionButton
                action="reject"
                label="offers.moderation.reject"
                icon={<RejectIcon />}
                color="error"
                dialog={{ title: 'offers.moderation.bulkRejectTitle', inputs: <ReasonInput /> }}
            />
        </>
    );
};
