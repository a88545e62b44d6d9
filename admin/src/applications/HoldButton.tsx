import HoldIcon from '@mui/icons-material/PauseCircle';
import { TextInput, minLength, required, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { ActionButton, useWorkflowAllows } from '../common';

/** "Mettre en attente": asks the applicant for information; their reply puts it back in review. */
export const HoldButton = () => {
    const translate = useTranslate();
    if (!useWorkflowAllows('applications', 'hold')) return null;
    return (
        <ActionButton
            action="hold"
            label="applications.actions.hold"
            icon={<HoldIcon />}
            color="warning"
            successMessage="applications.actions.held"
            dialog={{
                title: 'applications.hold.title',
                content: <Typography variant="body2">{translate('applications.hold.content')}</Typography>,
                inputs: (
                    <TextInput
                        source="comment"
                        label="applications.hold.comment"
                        multiline
                        minRows={3}
                        fullWidth
                        validate={[required(), minLength(3)]}
                    />
                ),
            }}
        />
    );
};
