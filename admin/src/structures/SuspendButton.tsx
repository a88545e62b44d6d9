import SuspendIcon from '@mui/icons-material/PauseCircle';
import ReinstateIcon from '@mui/icons-material/PlayCircle';
import { Typography } from '@mui/material';
import { TextInput, minLength, required, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, useWorkflowAllows } from '../common';

const ReasonInput = () => (
    <TextInput source="reason" label="structures.actions.reason" multiline minRows={2} fullWidth validate={[required(), minLength(3)]} />
);

/** "Suspendre" an eligible structure: its scans and partner calls are refused until reinstated. */
export const SuspendButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('structures', 'suspend');
    if (!record || !allowed) return null;
    return (
        <ActionButton
            action="suspend"
            label="structures.actions.suspend"
            icon={<SuspendIcon />}
            color="error"
            successMessage="structures.actions.suspended"
            dialog={{
                title: 'structures.actions.suspendTitle',
                content: <Typography variant="body2">{translate('structures.actions.suspendContent', { name: record.name })}</Typography>,
                inputs: <ReasonInput />,
            }}
        />
    );
};

/** "Réintégrer" a suspended structure: it is eligible again. */
export const ReinstateButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('structures', 'reinstate');
    if (!record || !allowed) return null;
    return (
        <ActionButton
            action="reinstate"
            label="structures.actions.reinstate"
            icon={<ReinstateIcon />}
            color="success"
            successMessage="structures.actions.reinstated"
            dialog={{
                title: 'structures.actions.reinstateTitle',
                content: <Typography variant="body2">{translate('structures.actions.reinstateContent', { name: record.name })}</Typography>,
                inputs: <ReasonInput />,
            }}
        />
    );
};
