import { useState } from 'react';
import { Alert, Stack, Typography } from '@mui/material';
import ApproveIcon from '@mui/icons-material/CheckCircle';
import { TextInput, minLength, required, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, OneTimeSecretDialog, useRecordView, useWorkflowAllows } from '../common';
import type { OneTimeKey } from '../dataProvider';
import type { ApplicationChecks } from './types';

/**
 * "Approuver": the structure becomes ELIGIBLE and receives its partner key, shown here once.
 * Below the questionnaire's threshold the server wants a justification: the comment is then required.
 * The key dialog belongs to this component, which stays mounted once the status is APPROVED.
 */
export const ApproveButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const [key, setKey] = useState<OneTimeKey | null>(null);
    const { data: checks } = useRecordView<ApplicationChecks>('checks');
    const belowThreshold = record != null && record.score < record.scoreThreshold;
    const allowed = useWorkflowAllows('applications', 'approve');
    return (
        <>
            {record && allowed && (
                <ActionButton
                    action="approve"
                    label="applications.actions.approve"
                    icon={<ApproveIcon />}
                    color="success"
                    variant="contained"
                    successMessage="applications.actions.approved"
                    transform={({ comment }) => (comment ? { comment } : {})}
                    onSuccess={result => setKey(result.partnerApiKey ?? null)}
                    dialog={{
                        title: 'applications.approve.title',
                        content: (
                            <Stack spacing={1.5}>
                                <Typography variant="body2">
                                    {translate('applications.approve.content', { name: record.organisationName })}
                                </Typography>
                                <Alert severity={belowThreshold ? 'warning' : 'success'}>
                                    {translate(belowThreshold ? 'applications.approve.below' : 'applications.approve.passes', {
                                        score: record.score,
                                        threshold: record.scoreThreshold,
                                    })}
                                </Alert>
                                {/* The score has its own line above; the other warnings follow. */}
                                {(checks?.warnings ?? []).filter(warning => !warning.startsWith('Score')).map(warning => (
                                    <Alert key={warning} severity="warning">
                                        {warning}
                                    </Alert>
                                ))}
                            </Stack>
                        ),
                        inputs: (
                            <TextInput
                                source="comment"
                                label={belowThreshold ? 'applications.approve.commentRequired' : 'applications.approve.comment'}
                                multiline
                                minRows={3}
                                fullWidth
                                validate={belowThreshold ? [required(), minLength(3)] : undefined}
                            />
                        ),
                    }}
                />
            )}
            <OneTimeSecretDialog secret={key} holder={record?.organisationName} onClose={() => setKey(null)} />
        </>
    );
};
