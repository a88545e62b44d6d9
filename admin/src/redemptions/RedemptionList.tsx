import { BooleanField, DataTable, DateInput, NullableBooleanInput } from 'react-admin';
import {
    DateTimeField,
    EnumInput,
    MoneyField,
    RefField,
    RefInput,
    ResourceList,
    StatusChip,
} from '../common';

const filters = [
    <RefInput key="structureId" source="structureId" reference="structures" alwaysOn />,
    <EnumInput key="status" source="status" enum="RedemptionStatus" alwaysOn />,
    <RefInput key="offerId" source="offerId" reference="offers" />,
    <NullableBooleanInput key="forced" source="forced" />,
    <DateInput key="createdAt_gte" source="createdAt_gte" label="filters.after" />,
    <DateInput key="createdAt_lte" source="createdAt_lte" label="filters.before" />,
];

export const RedemptionList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="createdAt" field={DateTimeField} />
            <DataTable.Col source="structureId">
                <RefField source="structureId" reference="structures" />
            </DataTable.Col>
            <DataTable.Col source="offerId">
                <RefField source="offerId" reference="offers" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <StatusChip source="status" enum="RedemptionStatus" />
            </DataTable.Col>
            <DataTable.NumberCol source="passCount" />
            <DataTable.Col source="totalValueCents" field={MoneyField} />
            <DataTable.Col source="forced" field={BooleanField} />
        </DataTable>
    </ResourceList>
);
