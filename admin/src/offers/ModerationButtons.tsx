import ApproveIcon from '@mui/icons-material/CheckCircle';
import RejectIcon from '@mui/icons-material/Block';
import ChangesIcon from '@mui/icons-material/EditNote';
import { useCanAccess, useRecordContext } from 'react-admin';
import { ActionButton } from '../common';
import { ApprovalCommentInput, ChangesInput, ReasonInput, withoutEmpty } from './moderationInputs';

/** Approve, reject or ask for changes on one offer, as its status allows (W on offers). */
export const ModerationButtons = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'offers', action: 'edit' });
    if (!record || !canAccess) return null;
    const pending = record.status === 'PENDING_REVIEW';
    const decidable = pending || record.status === 'APPROVED';
    return (
        <>
            {pending && (
                <ActionButton
                    action="approve"
                    label="offers.moderation.approve"
                    icon={<ApproveIcon />}
                    color="success"
                    variant="contained"
                    successMessage="offers.moderation.approved"
                    transform={withoutEmpty}
                    dialog={{ title: 'offers.moderation.approveTitle', inputs: <ApprovalCommentInput /> }}
                />
            )}
            {decidable && (
                <ActionButton
                    action="request-changes"
                    label="offers.moderation.requestChanges"
                    icon={<ChangesIcon />}
                    color="warning"
                    successMessage="offers.moderation.changesRequested"
                    dialog={{ title: 'offers.moderation.requestChangesTitle', inputs: <ChangesInput /> }}
                />
            )}
            {decidable && (
                <ActionButton
                    action="reject"
                    label="offers.moderation.reject"
                    icon={<RejectIcon />}
                    color="error"
                    successMessage="offers.moderation.rejected"
                    dialog={{ title: 'offers.moderation.rejectTitle', inputs: <ReasonInput /> }}
                />
            )}
        </>
    );
};
