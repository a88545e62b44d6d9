import {
    DataTable,
    NumberField,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
    useCanAccess,
} from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

export const PassShow = () => {
    const { canAccess: canReadScans } = useCanAccess({ resource: 'scans', action: 'list' });
    return (
        <RecordShow>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.summary">
                    <TextField source="barcode" sx={{ fontFamily: 'monospace' }} />
                    <StatusChip source="status" enum="PassStatus" />
                    <MoneyField source="faceValueCents" />
                    <RefField source="bookletId" reference="booklets" />
                    <RefField source="orderId" reference="orders" />
                    <NumberField source="validityYear" options={{ useGrouping: false }} />
                    <DateTimeField source="acceptedUntil" />
                    <DateTimeField source="redeemedAt" />
                    <DateTimeField source="cancelledAt" />
                    <TextField source="cancelReason" emptyText="—" />
                </TabbedShowLayout.Tab>
                {canReadScans && (
                    <TabbedShowLayout.Tab
                        label="resources.scans.name"
                        path="scans"
                        count={<ReferenceManyCount reference="scans" target="passId" />}
                    >
                        <ReferenceManyField
                            reference="scans"
                            target="passId"
                            sort={{ field: 'scannedAt', order: 'DESC' }}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="scannedAt" field={DateTimeField} />
                                <DataTable.Col source="structureId">
                                    <RefField source="structureId" reference="structures" />
                                </DataTable.Col>
                                <DataTable.Col source="outcome">
                                    <StatusChip source="outcome" enum="ScanOutcome" />
                                </DataTable.Col>
                                <DataTable.Col source="reason">
                                    <StatusChip source="reason" enum="ScanRejectionReason" color="error" />
                                </DataTable.Col>
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
