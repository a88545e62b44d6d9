import ClaimIcon from '@mui/icons-material/PanTool';
import { useRecordContext } from 'react-admin';
import { ActionButton } from '../common';

/** "Prendre en charge": the application becomes the reviewer's (a colleague who was first gets a 409). */
export const ClaimButton = () => {
    const record = useRecordContext();
    if (record?.status !== 'SUBMITTED') return null;
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
