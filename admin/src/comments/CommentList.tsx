import { DataTable, SelectInput, TextField } from 'react-admin';
import { DateTimeField, RefCol, ResourceList, ResourceNameField, resourceChoices, searchFilter } from '../common';

const filters = [searchFilter, <SelectInput key="resource" source="resource" choices={resourceChoices} />];

export const CommentList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="createdAt" field={DateTimeField} />
            <RefCol source="authorId" reference="staff" link={false} />
            <DataTable.Col source="resource" field={ResourceNameField} />
            <DataTable.Col source="body">
                <TextField source="body" sx={{ display: 'block', maxWidth: 480 }} />
            </DataTable.Col>
        </DataTable>
    </ResourceList>
);
