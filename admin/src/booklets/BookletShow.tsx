import {
    DataTable,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
} from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

export const BookletShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="number" />
                <RefField source="orderId" reference="orders" />
                <DateTimeField source="handedOutAt" />
                <TextField source="handedOutBy" emptyText="—" />
                <DateTimeField source="createdAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab
                label="resources.passes.name"
                path="passes"
                count={<ReferenceManyCount reference="passes" target="bookletId" />}
            >
                <ReferenceManyField
                    reference="passes"
                    target="bookletId"
                    sort={{ field: 'barcode', order: 'ASC' }}
                    perPage={50}
                    label={false}
                >
                    <DataTable rowClick="show" bulkActionButtons={false}>
                        <DataTable.Col source="barcode" sx={{ fontFamily: 'monospace' }} />
                        <DataTable.Col source="status">
                            <StatusChip source="status" enum="PassStatus" />
                        </DataTable.Col>
                        <DataTable.Col source="faceValueCents" field={MoneyField} />
                        <DataTable.Col source="redeemedAt" field={DateTimeField} />
                    </DataTable>
                </ReferenceManyField>
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
