import { Stack } from '@mui/material';
import { Labeled, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { DateOnlyField, DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';
import { SubscriptionWorkflow } from './SubscriptionActions';

/** After a plan change once billing started: where the current plan starts, and what earlier plans billed. */
const PlanChange = () => {
    const record = useRecordContext();
    if (!record?.planFrom) return null;
    return (
        <Stack spacing={1}>
            <Labeled source="planFrom">
                <DateOnlyField source="planFrom" />
            </Labeled>
            <Labeled source="earlierPlansFeesCents">
                <MoneyField source="earlierPlansFeesCents" />
            </Labeled>
        </Stack>
    );
};

/** When, why and by whom an ended kit was ended. */
const Ending = () => {
    const record = useRecordContext();
    if (record?.status !== 'CANCELLED') return null;
    return (
        <Stack spacing={1}>
            <Labeled source="cancelledAt">
                <DateTimeField source="cancelledAt" />
            </Labeled>
            <Labeled source="cancelReason">
                <TextField source="cancelReason" emptyText="—" />
            </Labeled>
            <Labeled source="cancelledByName">
                <TextField source="cancelledByName" emptyText="—" />
            </Labeled>
        </Stack>
    );
};

export const SubscriptionShow = () => (
    <RecordShow workflow={<SubscriptionWorkflow />}>
        <SimpleShowLayout>
            <RefField source="structureId" reference="structures" />
            <StatusChip source="plan" enum="SubscriptionPlan" color="primary" />
            <StatusChip source="status" enum="SubscriptionStatus" />
            <MoneyField source="feeCents" />
            <DateTimeField source="orderedAt" />
            {/* A billing day (00:00 UTC of its Paris date) reads as that date in Paris. */}
            <DateOnlyField source="startedAt" />
            <PlanChange />
            <MoneyField source="feesDueCents" />
            <Ending />
        </SimpleShowLayout>
    </RecordShow>
);
