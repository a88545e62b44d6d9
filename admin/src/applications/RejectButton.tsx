import RejectIcon from '@mui/icons-material/Block';
import { TextInput, minLength, required } from 'react-admin';
import { ActionButton, EnumInput, useWorkflowAllows } from '../common';

/** "Refuser": a reason among the five of the scheme, and a comment for the applicant. */
export const RejectButton = () => {
    if (!useWorkflowAllows('applications', 'reject')) return null;
    return (
        <ActionButton
            action="reject"
            label="applications.actions.reject"
            icon={<RejectIcon />}
            color="error"
            successMessage="applications.actions.rejected"
            dialog={{
                title: 'applications.reject.title',
                inputs: (
                    <>
                        <EnumInput
                            enum="RejectionReason"
                            source="reason"
                            label="applications.reject.reason"
                            validate={required()}
                            fullWidth
                        />
                        <TextInput
                            source="comment"
                            label="applications.reject.comment"
                            multiline
                            minRows={3}
                            fullWidth
                            validate={[required(), minLength(3)]}
                        />
                    </>
                ),
            }}
        />
    );
};
