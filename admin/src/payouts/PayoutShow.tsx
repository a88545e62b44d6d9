import { TabbedShowLayout, TextField } from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

export const PayoutShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="endToEndId" />
                <StatusChip source="status" enum="PayoutStatus" />
                <MoneyField source="amountCents" />
                <TextField source="withheldReason" emptyText="—" />
                <RefField source="statementId" reference="statements" />
                <RefField source="endorsementId" reference="endorsements" />
                <RefField source="structureId" reference="structures" />
                <DateTimeField source="exportedAt" />
                <DateTimeField source="paidAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.bank" path="bank">
                <TextField source="bankHolder" />
                <TextField source="iban" sx={{ fontFamily: 'monospace' }} />
                <TextField source="bic" sx={{ fontFamily: 'monospace' }} />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
