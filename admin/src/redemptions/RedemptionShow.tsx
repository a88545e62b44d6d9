import {
    BooleanField,
    DataTable,
    NumberField,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
} from 'react-admin';
import { DateTimeField, EnumCol, JsonField, MoneyField, RefField, StatusChip, RecordShow } from '../common';
import { OpenDisputeFromRecord } from '../disputes/OpenDisputeButton';

export const RedemptionShow = () => (
    <RecordShow workflow={<OpenDisputeFromRecord kind="redemption" />}>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <DateTimeField source="createdAt" />
                <RefField source="structureId" reference="structures" />
                <RefField source="offerId" reference="offers" />
                <RefField source="locationId" reference="locations" />
                <StatusChip source="status" enum="RedemptionStatus" />
                <NumberField source="passCount" />
                <MoneyField source="totalValueCents" />
                <BooleanField source="forced" />
                <TextField source="idempotencyKey" emptyText="—" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.scans.name" path="scans">
                <ReferenceManyField
                    reference="scans"
                    target="redemptionId"
                    sort={{ field: 'scannedAt', order: 'ASC' }}
                    label={false}
                >
                    <DataTable rowClick="show" bulkActionButtons={false}>
                        <DataTable.Col source="barcode" sx={{ fontFamily: 'monospace' }} />
                        <EnumCol source="outcome" enum="ScanOutcome" />
                        <EnumCol source="reason" enum="ScanRejectionReason" color="error" />
                        <DataTable.Col source="valueCents" field={MoneyField} />
                    </DataTable>
                </ReferenceManyField>
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.redemptions.fields.response" path="response">
                <JsonField source="response" label={false} />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
