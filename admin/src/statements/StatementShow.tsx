import { TabbedShowLayout, TextField, NumberField } from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

export const StatementShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="number" emptyText="—" />
                <StatusChip source="status" enum="StatementStatus" />
                <RefField source="endorsementId" reference="endorsements" />
                <RefField source="structureId" reference="structures" />
                <DateTimeField source="issuedAt" />
                <NumberField source="passCount" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.amounts" path="amounts">
                <MoneyField source="grossCents" />
                <MoneyField source="feeCents" />
                <MoneyField source="subscriptionCents" />
                <MoneyField source="adjustmentsCents" />
                <MoneyField source="carriedCents" />
                <MoneyField source="netCents" />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
