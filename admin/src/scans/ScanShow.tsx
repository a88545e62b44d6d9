import { BooleanField, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';
import { OpenDisputeFromRecord } from '../disputes/OpenDisputeButton';

export const ScanShow = () => (
    <RecordShow workflow={<OpenDisputeFromRecord kind="scan" />}>
        <SimpleShowLayout>
            <DateTimeField source="scannedAt" />
            <TextField source="barcode" sx={{ fontFamily: 'monospace' }} />
            <StatusChip source="outcome" enum="ScanOutcome" />
            <BooleanField source="forced" />
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
