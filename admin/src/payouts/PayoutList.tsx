import { DataTable } from 'react-admin';
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
    <EnumArrayInput key="status" source="status" enum="PayoutStatus" alwaysOn />,
    <RefInput key="endorsementId" source="endorsementId" reference="endorsements" />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
];

export const PayoutList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="endToEndId" />
            <DataTable.Col source="structureId">
                <RefField source="structureId" reference="structures" />
            </DataTable.Col>
            <DataTable.Col source="endorsementId">
                <RefField source="endorsementId" reference="endorsements" />
            </DataTable.Col>
            <DataTable.Col source="amountCents" field={MoneyField} />
            <DataTable.Col source="status">
                <StatusChip source="status" enum="PayoutStatus" />
            </DataTable.Col>
            <DataTable.Col source="iban" sx={{ fontFamily: 'monospace' }} />
            <DataTable.Col source="exportedAt" field={DateTimeField} />
            <DataTable.Col source="paidAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
