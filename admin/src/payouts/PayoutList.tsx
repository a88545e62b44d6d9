import { DataTable } from 'react-admin';
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
    <EnumArrayInput key="status" source="status" enum="PayoutStatus" alwaysOn />,
    <RefInput key="endorsementId" source="endorsementId" reference="endorsements" />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
];

export const PayoutList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="endToEndId" />
            <RefCol source="structureId" reference="structures" />
            <RefCol source="endorsementId" reference="endorsements" />
            <DataTable.Col source="amountCents" field={MoneyField} />
            <EnumCol source="status" enum="PayoutStatus" />
            <DataTable.Col source="iban" sx={{ fontFamily: 'monospace' }} />
            <DataTable.Col source="exportedAt" field={DateTimeField} />
            <DataTable.Col source="paidAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
