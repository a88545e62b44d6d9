import { DataTable, NumberInput } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumCol,
    MoneyField,
    RefCol,
    RefInput,
    ResourceList,
    searchFilter,
} from '../common';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="PassStatus" alwaysOn />,
    <RefInput key="orderId" source="orderId" reference="orders" />,
    <RefInput key="bookletId" source="bookletId" reference="booklets" />,
    <RefInput key="sponsorId" source="sponsorId" reference="sponsors" />,
    <NumberInput key="validityYear" source="validityYear" />,
];

export const PassList = () => (
    <ResourceList filters={filters} sort={{ field: 'barcode', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="barcode" sx={{ fontFamily: 'monospace' }} />
            <EnumCol source="status" enum="PassStatus" />
            <DataTable.Col source="faceValueCents" field={MoneyField} />
            <RefCol source="bookletId" reference="booklets" />
            <RefCol source="orderId" reference="orders" />
            <DataTable.Col source="validityYear" />
            <DataTable.Col source="redeemedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
