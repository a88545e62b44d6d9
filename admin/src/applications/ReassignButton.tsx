import { useState } from 'react';
import { FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import ReassignIcon from '@mui/icons-material/SwapHoriz';
import { AutocompleteInput, ReferenceInput, required, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, useWorkflowAllows } from '../common';
import { getStoredUser } from '../authProvider';

/**
 * "Réattribuer": a claimed application goes to oneself or to an active colleague who reviews
 * (staff directory), after a confirmation; the server checks the colleague and audits the change.
 */
export const ReassignButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const me = getStoredUser();
    const [to, setTo] = useState<'me' | 'colleague'>('me');
    const allowed = useWorkflowAllows('applications', 'reassign');
    if (!allowed || !record || !me) return null;
    // The holder hands over to a colleague; anyone else may also take it themselves.
    const mine = record.assigneeId === me.id;
    const toMe = to === 'me' && !mine;
    return (
        <ActionButton
            action="reassign"
            label="reassign.button"
            icon={<ReassignIcon />}
            variant="contained"
            successMessage="reassign.done"
            transform={({ assigneeId }) => ({ assigneeId: toMe ? me.id : assigneeId })}
            dialog={{
                title: 'reassign.title',
                confirmLabel: 'reassign.confirm',
                content: (
                    <>
                        <Typography variant="body2">{translate('reassign.content', { reference: record.reference })}</Typography>
                        <RadioGroup value={mine ? 'colleague' : to} onChange={event => setTo(event.target.value as 'me' | 'colleague')}>
                            {!mine && (
                                <FormControlLabel value="me" control={<Radio />} label={translate('reassign.toMe')} data-testid="reassign-to-me" />
                            )}
                            <FormControlLabel value="colleague" control={<Radio />} label={translate('reassign.toColleague')} data-testid="reassign-to-colleague" />
                        </RadioGroup>
                    </>
                ),
                inputs:
                    !toMe ? (
                        <ReferenceInput
                            source="assigneeId"
                            reference="staff"
                            filter={{ active: true, role: ['REVIEWER', 'ADMIN'] }}
                        >
                            <AutocompleteInput
                                label="reassign.colleague"
                                optionText="fullName"
                                filterToQuery={(q: string) => (q ? { q } : {})}
                                validate={required()}
                                fullWidth
                            />
                        </ReferenceInput>
                    ) : undefined,
            }}
        />
    );
};
