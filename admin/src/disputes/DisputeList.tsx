import { DataTable } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumCol,
    EnumInput,
    RefCol,
    RefInput,
    ResourceList,
    dateRangeFilters,
    searchFilter,
} from '../common';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="DisputeStatus" alwaysOn />,
    <EnumInput key="origin" source="origin" enum="DisputeOrigin" />,
    <EnumInput key="category" source="category" enum="DisputeCategory" />,
    <EnumInput key="outcome" source="outcome" enum="DisputeOutcome" />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <RefInput key="assigneeId" source="assigneeId" reference="staff" />,
    ...dateRangeFilters('createdAt', { after: 'disputes.openedAfter', before: 'disputes.openedBefore' }),
];

export const DisputeList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="reference" />
            <DataTable.Col source="createdAt" field={DateTimeField} />
            <EnumCol source="origin" enum="DisputeOrigin" color="primary" />
            <EnumCol source="category" enum="DisputeCategory" color="secondary" />
            <RefCol source="structureId" reference="structures" />
            <EnumCol source="status" enum="DisputeStatus" />
            <RefCol source="assigneeId" reference="staff" link={false} />
        </DataTable>
    </ResourceList>
);
