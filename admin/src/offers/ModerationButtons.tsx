import ApproveIcon from '@mui/icons-material/CheckCircle';
import RejectIcon from '@mui/icons-material/Block';
import ChangesIcon from '@mui/icons-material/EditNote';
import { ActionButton, useWorkflowAllows } from '../common';
import { ApprovalCommentInput, ChangesInput, ReasonInput, withoutEmpty } from './moderationInputs';

/** Approve, reject or ask for changes on one offer, as its status allows (the server's OFFER_WORKFLOW, W on offers). */
export const ModerationButtons = () => {
    const canApprove = useWorkflowAllows('offers', 'approve');
    const canRequestChanges = useWorkflowAllows('offers', 'request-changes');
    const canReject = useWorkflowAllows('offers', 'reject');
    return (
        <>
            {canApprove && (
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
            {canRequestChanges && (
                <ActionButton
                    action="request-changes"
                    label="offers.moderation.requestChanges"
                    icon={<ChangesIcon />}
                    color="warning"
                    successMessage="offers.moderation.changesRequested"
                    dialog={{ title: 'offers.moderation.requestChangesTitle', inputs: <ChangesInput /> }}
                />
            )}
            {canReject && (
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
