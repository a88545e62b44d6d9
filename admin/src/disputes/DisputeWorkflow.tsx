import { Alert, Stack, Typography } from '@mui/material';
import InvestigateIcon from '@mui/icons-material/ManageSearch';
import ResolveIcon from '@mui/icons-material/Gavel';
import CancelIcon from '@mui/icons-material/Block';
import {
    AutocompleteInput,
    FormDataConsumer,
    ReferenceInput,
    TextInput,
    maxLength,
    minLength,
    required,
    useCanAccess,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { ActionButton, EnumInput, useWorkflowAllows } from '../common';
import { AssignButton, HeldBy } from '../common/AssignButton';
import { getStoredUser } from '../authProvider';

const explanation = [required(), minLength(10), maxLength(4000)];


/** « Instruire »: the dispute is being investigated, by the user when nobody follows it yet. */
const InvestigateButton = () =>
    useWorkflowAllows('disputes', 'investigate') ? (
        <ActionButton action="investigate" label="disputes.investigate.button" icon={<InvestigateIcon />} variant="contained" successMessage="disputes.investigate.done" />
    ) : null;

/** « Attribuer »: to oneself or to an active colleague of support (or an ADMIN). */
const AssignDisputeButton = () => <AssignButton resource="disputes" action="assign" roles={['SUPPORT', 'ADMIN']} prefix="disputes.assign" />;

/** « Résoudre »: an outcome, a mandatory explanation, and for FORCE_REDEEM the offer when the refusal named none. */
const ResolveButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('disputes', 'resolve');
    if (!allowed || !record) return null;
    return (
        <ActionButton
            action="resolve"
            label="disputes.resolve.button"
            icon={<ResolveIcon />}
            variant="contained"
            color="success"
            successMessage="disputes.resolve.done"
            transform={({ outcome, explanation, offerId }) => ({ outcome, explanation, ...(outcome === 'FORCE_REDEEM' && offerId ? { offerId } : {}) })}
            dialog={{
                title: 'disputes.resolve.title',
                confirmLabel: 'disputes.resolve.confirm',
                content: <Typography variant="body2">{translate('disputes.resolve.content', { reference: record.reference })}</Typography>,
                inputs: (
                    <>
                        <EnumInput source="outcome" enum="DisputeOutcome" label="resources.disputes.fields.outcome" validate={required()} fullWidth />
                        <FormDataConsumer>
                            {({ formData }) =>
                                formData.outcome ? (
                                    <Alert severity={formData.outcome === 'UPHOLD' ? 'info' : 'warning'} data-testid="dispute-outcome-effect">
                                        {translate(`disputes.resolve.effect.${formData.outcome}`)}
                                    </Alert>
                                ) : null
                            }
                        </FormDataConsumer>
                        <FormDataConsumer>
                            {({ formData }) =>
                                formData.outcome === 'FORCE_REDEEM' ? (
                                    <ReferenceInput source="offerId" reference="offers" filter={{ status: 'APPROVED', ...(record.structureId ? { structureId: record.structureId } : {}) }}>
                                        <AutocompleteInput label="disputes.resolve.offer" helperText="disputes.resolve.offerHelp" optionText="title" filterToQuery={(q: string) => (q ? { q } : {})} fullWidth />
                                    </ReferenceInput>
                                ) : null
                            }
                        </FormDataConsumer>
                        <TextInput source="explanation" label="disputes.resolve.explanation" multiline minRows={3} fullWidth validate={explanation} />
                    </>
                ),
            }}
        />
    );
};

/** « Annuler le litige »: opened by mistake or without grounds; its scans are released as they are. */
const CancelButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('disputes', 'cancel');
    if (!allowed || !record) return null;
    return (
        <ActionButton
            action="cancel"
            label="disputes.cancel.button"
            icon={<CancelIcon />}
            color="error"
            successMessage="disputes.cancel.done"
            dialog={{
                title: 'disputes.cancel.title',
                confirmLabel: 'disputes.cancel.confirm',
                content: <Typography variant="body2">{translate('disputes.cancel.content', { reference: record.reference })}</Typography>,
                inputs: <TextInput source="explanation" label="disputes.cancel.explanation" multiline minRows={2} fullWidth validate={explanation} />,
            }}
        />
    );
};

/** The actions support can take on the dispute in its current state (W on disputes), from the shared transition table. */
export const DisputeWorkflow = () => {
    const { canAccess } = useCanAccess({ resource: 'disputes', action: 'edit' });
    const record = useRecordContext();
    const user = getStoredUser();
    if (!canAccess || !record || !user) return null;
    const othersHold = record.assigneeId && record.assigneeId !== user.id && ['OPEN', 'INVESTIGATING'].includes(record.status);
    return (
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            {othersHold && <HeldBy assigneeId={record.assigneeId} prefix="disputes" testId="dispute-holder" />}
            <InvestigateButton />
            <ResolveButton />
            <CancelButton />
            <AssignDisputeButton />
        </Stack>
    );
};
