import { DataTable } from 'react-admin';
import { DateTimeField, PublicationChip, ResourceList, searchFilter } from '../common';
import { useCharterInForce } from './useCharterInForce';

const filters = [searchFilter];

export const CharterList = () => {
    const inForce = useCharterInForce();
    return (
        <ResourceList filters={filters} sort={{ field: 'version', order: 'DESC' }}>
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="version" />
                <DataTable.Col source="title" />
                <DataTable.Col label="publication.state" disableSort>
                    <PublicationChip inForceId={inForce?.id} />
                </DataTable.Col>
                <DataTable.Col source="publishedAt" field={DateTimeField} />
                <DataTable.Col source="updatedAt" field={DateTimeField} />
            </DataTable>
        </ResourceList>
    );
};
