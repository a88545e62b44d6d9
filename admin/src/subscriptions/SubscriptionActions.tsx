import SwapIcon from '@mui/icons-material/SwapHoriz';
import EndIcon from '@mui/icons-material/Block';
import { Typography } from '@mui/material';
import { TextInput, maxLength, minLength, required, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, EnumInput, useWorkflowAllows } from '../common';

/** The server's bounds on a reason (3 to 500 characters). */
const reasonValidators = [required(), minLength(3), maxLength(500)];

const ReasonInput = () => (
    <TextInput source="reason" label="subscriptions.actions.reason" multiline minRows={2} fullWidth validate={reasonValidators} />
);

const trimmedReason = (values: Record<string, unknown>) => String(values.reason ?? '').trim();

/** "Changer de formule": the other plan, its fee from the server's configuration, with the reason. */
export const ChangePlanButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('subscriptions', 'change-plan');
    if (!record || !allowed) return null;
    const other = record.plan === 'MONTHLY' ? 'ANNUAL' : 'MONTHLY';
    return (
        <ActionButton
            action="change-plan"
            label="subscriptions.actions.changePlan"
            icon={<SwapIcon />}
            successMessage="subscriptions.actions.planChanged"
            transform={values => ({ plan: values.plan, reason: trimmedReason(values) })}
            dialog={{
                title: 'subscriptions.actions.changePlanTitle',
                content: <Typography variant="body2">{translate('subscriptions.actions.changePlanContent')}</Typography>,
                defaultValues: { plan: other, reason: '' },
                inputs: (
                    <>
                        <EnumInput source="plan" enum="SubscriptionPlan" label="subscriptions.actions.plan" validate={required()} fullWidth />
                        <ReasonInput />
                    </>
                ),
            }}
        />
    );
};

/** "Résilier": the kit ends today, with the reason. */
export const EndSubscriptionButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('subscriptions', 'end');
    if (!record || !allowed) return null;
    return (
        <ActionButton
            action="end"
            label="subscriptions.actions.end"
            icon={<EndIcon />}
            color="error"
            successMessage="subscriptions.actions.ended"
            transform={values => ({ reason: trimmedReason(values) })}
            dialog={{
                title: 'subscriptions.actions.endTitle',
                content: <Typography variant="body2">{translate('subscriptions.actions.endContent')}</Typography>,
                inputs: <ReasonInput />,
            }}
        />
    );
};

/** The kit's workflow buttons, each shown only to FINANCE/ADMIN and while the kit is open. */
export const SubscriptionWorkflow = () => (
    <>
        <ChangePlanButton />
        <EndSubscriptionButton />
    </>
);
