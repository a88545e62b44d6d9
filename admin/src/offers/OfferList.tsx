import { DataTable } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumInput,
    MoneyField,
    RefField,
    RefInput,
    ResourceList,
    StatusChip,
    searchFilter,
} from '../common';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="OfferStatus" alwaysOn />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <RefInput key="serviceId" source="serviceId" reference="referential-services" />,
    <EnumInput key="validation" source="validation" enum="OfferValidation" />,
];

export const OfferList = () => (
    <ResourceList filters={filters} sort={{ field: 'submittedAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="title" />
            <DataTable.Col source="structureId">
                <RefField source="structureId" reference="structures" />
            </DataTable.Col>
            <DataTable.Col source="serviceId">
                <RefField source="serviceId" reference="referential-services" />
            </DataTable.Col>
            <DataTable.Col source="priceCents" field={MoneyField} />
            <DataTable.Col source="status">
                <StatusChip source="status" enum="OfferStatus" />
            </DataTable.Col>
            <DataTable.Col source="flags" disableSort>
                <StatusChip source="flags" enum="OfferFlag" color="warning" />
            </DataTable.Col>
            <DataTable.Col source="submittedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
