import { DataTable } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumCol,
    MoneyField,
    RefCol,
    RefInput,
    ResourceList,
    dateRangeFilters,
    searchFilter,
} from '../common';

const filters = [
    searchFilter,
    <EnumArrayInput key="outcome" source="outcome" enum="ScanOutcome" alwaysOn />,
    <EnumArrayInput key="reason" source="reason" enum="ScanRejectionReason" />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <RefInput key="offerId" source="offerId" reference="offers" />,
    ...dateRangeFilters('scannedAt', { after: 'filters.scannedAfter', before: 'filters.scannedBefore' }),
];

export const ScanList = () => (
    <ResourceList filters={filters} sort={{ field: 'scannedAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="scannedAt" field={DateTimeField} />
            <DataTable.Col source="barcode" sx={{ fontFamily: 'monospace' }} />
            <RefCol source="structureId" reference="structures" />
            <RefCol source="offerId" reference="offers" />
            <EnumCol source="outcome" enum="ScanOutcome" />
            <EnumCol source="reason" enum="ScanRejectionReason" color="error" />
            <DataTable.Col source="valueCents" field={MoneyField} />
        </DataTable>
    </ResourceList>
);
