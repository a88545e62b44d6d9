import { DataTable } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumInput,
    RefField,
    RefInput,
    ResourceList,
    StatusChip,
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
];

export const DisputeList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="reference" />
            <DataTable.Col source="createdAt" field={DateTimeField} />
            <DataTable.Col source="origin">
                <StatusChip source="origin" enum="DisputeOrigin" color="primary" />
            </DataTable.Col>
            <DataTable.Col source="category">
                <StatusChip source="category" enum="DisputeCategory" color="secondary" />
            </DataTable.Col>
            <DataTable.Col source="structureId">
                <RefField source="structureId" reference="structures" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <StatusChip source="status" enum="DisputeStatus" />
            </DataTable.Col>
            <DataTable.Col source="assigneeId">
                <RefField source="assigneeId" reference="staff" link={false} />
            </DataTable.Col>
        </DataTable>
    </ResourceList>
);
