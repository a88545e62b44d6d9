import ClaimIcon from '@mui/icons-material/PanTool';
import { ActionButton, useWorkflowAllows } from '../common';

/** "Prendre en charge": the application becomes the reviewer's (a colleague who was first gets a 409). */
export const ClaimButton = () => {
    if (!useWorkflowAllows('applications', 'claim')) return null;
    return (
        <ActionButton
            action="claim"
            label="applications.actions.claim"
            icon={<ClaimIcon />}
            variant="contained"
            successMessage="applications.actions.claimed"
        />
    );
};
