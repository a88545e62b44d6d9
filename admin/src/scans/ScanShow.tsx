import { SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

export const ScanShow = () => (
    <RecordShow>
        <SimpleShowLayout>
            <DateTimeField source="scannedAt" />
            <TextField source="barcode" sx={{ fontFamily: 'monospace' }} />
            <StatusChip source="outcome" enum="ScanOutcome" />
            <StatusChip source="reason" enum="ScanRejectionReason" color="error" />
            <TextField source="reasonDetail" emptyText="—" />
            <MoneyField source="valueCents" />
            <RefField source="passId" reference="passes" />
            <RefField source="structureId" reference="structures" />
            <RefField source="offerId" reference="offers" />
            <RefField source="redemptionId" reference="redemptions" />
            <DateTimeField source="voidedAt" />
            <TextField source="voidReason" emptyText="—" />
        </SimpleShowLayout>
    </RecordShow>
);
