import { DataTable, NumberInput } from 'react-admin';
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
    <EnumArrayInput key="status" source="status" enum="PassStatus" alwaysOn />,
    <RefInput key="orderId" source="orderId" reference="orders" />,
    <RefInput key="bookletId" source="bookletId" reference="booklets" />,
    <NumberInput key="validityYear" source="validityYear" />,
];

export const PassList = () => (
    <ResourceList filters={filters} sort={{ field: 'barcode', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="barcode" sx={{ fontFamily: 'monospace' }} />
            <DataTable.Col source="status">
                <StatusChip source="status" enum="PassStatus" />
            </DataTable.Col>
            <DataTable.Col source="faceValueCents" field={MoneyField} />
            <DataTable.Col source="bookletId">
                <RefField source="bookletId" reference="booklets" />
            </DataTable.Col>
            <DataTable.Col source="orderId">
                <RefField source="orderId" reference="orders" />
            </DataTable.Col>
            <DataTable.Col source="validityYear" />
            <DataTable.Col source="redeemedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
