import { DataTable } from 'react-admin';
import { DateTimeField, ResourceList, searchFilter } from '../common';

const filters = [searchFilter];

export const QuestionnaireList = () => (
    <ResourceList filters={filters} sort={{ field: 'version', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="version" />
            <DataTable.Col source="title" />
            <DataTable.Col source="threshold" />
            <DataTable.Col source="publishedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
