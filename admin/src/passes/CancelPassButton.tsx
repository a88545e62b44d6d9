import CancelIcon from '@mui/icons-material/Block';
import { Typography } from '@mui/material';
import { TextInput, minLength, required, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, formatCents, useWorkflowAllows } from '../common';

/** "Annuler le pass" (lost, stolen): an active pass only; its value is credited back to the sponsor. */
export const CancelPassButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('passes', 'cancel');
    if (!record || !allowed) return null;
    return (
        <ActionButton
            action="cancel"
            label="passes.cancel.button"
            icon={<CancelIcon />}
            color="error"
            successMessage="passes.cancel.done"
            dialog={{
                title: 'passes.cancel.title',
                content: (
                    <Typography variant="body2">
                        {translate('passes.cancel.content', { barcode: record.barcode, value: formatCents(record.faceValueCents) })}
                    </Typography>
                ),
                inputs: <TextInput source="reason" label="passes.cancel.reason" multiline minRows={2} fullWidth validate={[required(), minLength(3)]} />,
                confirmLabel: 'passes.cancel.confirm',
            }}
        />
    );
};
