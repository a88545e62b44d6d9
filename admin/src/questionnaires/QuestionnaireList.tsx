import { DataTable } from 'react-admin';
import { DateTimeField, PublicationChip, ResourceList, searchFilter, useLatestPublished } from '../common';

const filters = [searchFilter];

export const QuestionnaireList = () => {
    const inUse = useLatestPublished('questionnaires');
    return (
        <ResourceList filters={filters} sort={{ field: 'version', order: 'DESC' }}>
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="version" />
                <DataTable.Col source="title" />
                <DataTable.Col source="threshold" />
                <DataTable.Col label="publication.state" disableSort>
                    <PublicationChip inForceId={inUse?.id} />
                </DataTable.Col>
                <DataTable.Col source="publishedAt" field={DateTimeField} />
            </DataTable>
        </ResourceList>
    );
};
