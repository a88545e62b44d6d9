import { DataTable, DateInput } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    MoneyField,
    RefField,
    RefInput,
    ResourceList,
    StatusChip,
    searchFilter,
} from '../common';

const filters = [
    searchFilter,
    <EnumArrayInput key="outcome" source="outcome" enum="ScanOutcome" alwaysOn />,
    <EnumArrayInput key="reason" source="reason" enum="ScanRejectionReason" />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <RefInput key="offerId" source="offerId" reference="offers" />,
    <DateInput key="scannedAt_gte" source="scannedAt_gte" label="filters.scannedAfter" />,
    <DateInput key="scannedAt_lte" source="scannedAt_lte" label="filters.scannedBefore" />,
];

export const ScanList = () => (
    <ResourceList filters={filters} sort={{ field: 'scannedAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="scannedAt" field={DateTimeField} />
            <DataTable.Col source="barcode" sx={{ fontFamily: 'monospace' }} />
            <DataTable.Col source="structureId">
                <RefField source="structureId" reference="structures" />
            </DataTable.Col>
            <DataTable.Col source="offerId">
                <RefField source="offerId" reference="offers" />
            </DataTable.Col>
            <DataTable.Col source="outcome">
                <StatusChip source="outcome" enum="ScanOutcome" />
            </DataTable.Col>
            <DataTable.Col source="reason">
                <StatusChip source="reason" enum="ScanRejectionReason" color="error" />
            </DataTable.Col>
            <DataTable.Col source="valueCents" field={MoneyField} />
        </DataTable>
    </ResourceList>
);
