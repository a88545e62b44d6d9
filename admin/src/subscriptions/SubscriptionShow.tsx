import { Show, SimpleShowLayout } from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip } from '../common';

export const SubscriptionShow = () => (
    <Show>
        <SimpleShowLayout>
            <RefField source="structureId" reference="structures" />
            <StatusChip source="plan" enum="SubscriptionPlan" color="primary" />
            <StatusChip source="status" enum="SubscriptionStatus" />
            <MoneyField source="feeCents" />
            <DateTimeField source="orderedAt" />
            <DateTimeField source="startedAt" />
            <DateTimeField source="cancelledAt" />
        </SimpleShowLayout>
    </Show>
);
