import { DataTable } from 'react-admin';
import { DateTimeField, RefCol, RefInput, ResourceList, searchFilter } from '../common';

const filters = [
    searchFilter,
    <RefInput key="charterId" source="charterId" reference="charters" />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
];

export const CharterSignatureList = () => (
    <ResourceList filters={filters} sort={{ field: 'signedAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="signatoryName" />
            <DataTable.Col source="signatoryRole" />
            <RefCol source="charterId" reference="charters" />
            <RefCol source="structureId" reference="structures" />
            <RefCol source="applicationId" reference="applications" />
            <DataTable.Col source="signedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
