import { SimpleShowLayout } from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

export const SubscriptionShow = () => (
    <RecordShow>
        <SimpleShowLayout>
            <RefField source="structureId" reference="structures" />
            <StatusChip source="plan" enum="SubscriptionPlan" color="primary" />
            <StatusChip source="status" enum="SubscriptionStatus" />
            <MoneyField source="feeCents" />
            <DateTimeField source="orderedAt" />
            <DateTimeField source="startedAt" />
            <DateTimeField source="cancelledAt" />
        </SimpleShowLayout>
    </RecordShow>
);
