import { useState } from 'react';
import { Alert, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import ReassignIcon from '@mui/icons-material/SwapHoriz';
import { AutocompleteInput, ReferenceInput, required, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import type { Role } from '../../../server/src/generated/prisma/enums';
import type { WorkflowAction, WorkflowResource } from '../../../server/src/rules/workflows';
import { getStoredUser } from '../authProvider';
import { ActionButton } from './ActionButton';
import { useWorkflowAllows } from './workflows';

/**
 * The wording of an assignment, under one i18n prefix: heldBy, button, title, content (with
 * %{reference}), toMe, toColleague, colleague, confirm, done.
 */
export interface AssignWording {
    prefix: string;
}

/** "Suivi par <nom>" / "Prise en charge par <nom>": the record is a colleague's, who decides it. */
export const HeldBy = ({ assigneeId, prefix, testId }: { assigneeId: string; prefix: string; testId: string }) => {
    const translate = useTranslate();
    const { data } = useGetOne('staff', { id: assigneeId });
    return (
        <Alert severity="info" sx={{ py: 0 }} data-testid={testId}>
            {translate(`${prefix}.heldBy`, { name: data?.fullName ?? '…' })}
        </Alert>
    );
};

/**
 * A record handed to oneself or to an active colleague of the given roles (staff directory), after
 * a confirmation; the server checks the colleague and audits the change. The holder hands over to a
 * colleague; anyone else may also take it themselves.
 */
export const AssignButton = <R extends WorkflowResource>({
    resource,
    action,
    roles,
    prefix,
}: {
    resource: R;
    action: WorkflowAction<R>;
    roles: Role[];
    prefix: string;
}) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const me = getStoredUser();
    const [to, setTo] = useState<'me' | 'colleague'>('me');
    const allowed = useWorkflowAllows(resource, action);
    if (!allowed || !record || !me) return null;
    const mine = record.assigneeId === me.id;
    const toMe = to === 'me' && !mine;
    return (
        <ActionButton
            action={action}
            label={`${prefix}.button`}
            icon={<ReassignIcon />}
            variant="contained"
            successMessage={`${prefix}.done`}
            transform={({ assigneeId }) => ({ assigneeId: toMe ? me.id : assigneeId })}
            dialog={{
                title: `${prefix}.title`,
                confirmLabel: `${prefix}.confirm`,
                content: (
                    <>
                        <Typography variant="body2">{translate(`${prefix}.content`, { reference: record.reference })}</Typography>
                        <RadioGroup value={mine ? 'colleague' : to} onChange={event => setTo(event.target.value as 'me' | 'colleague')}>
                            {!mine && <FormControlLabel value="me" control={<Radio />} label={translate(`${prefix}.toMe`)} data-testid="reassign-to-me" />}
                            <FormControlLabel value="colleague" control={<Radio />} label={translate(`${prefix}.toColleague`)} data-testid="reassign-to-colleague" />
                        </RadioGroup>
                    </>
                ),
                inputs: !toMe ? (
                    <ReferenceInput source="assigneeId" reference="staff" filter={{ active: true, role: roles }}>
                        <AutocompleteInput label={`${prefix}.colleague`} optionText="fullName" filterToQuery={(q: string) => (q ? { q } : {})} validate={required()} fullWidth />
                    </ReferenceInput>
                ) : undefined,
            }}
        />
    );
};
