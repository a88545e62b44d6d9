import { DataTable } from 'react-admin';
import { DateTimeField, RefField, RefInput, ResourceList, searchFilter } from '../common';

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
            <DataTable.Col source="charterId">
                <RefField source="charterId" reference="charters" />
            </DataTable.Col>
            <DataTable.Col source="structureId">
                <RefField source="structureId" reference="structures" />
            </DataTable.Col>
            <DataTable.Col source="applicationId">
                <RefField source="applicationId" reference="applications" />
            </DataTable.Col>
            <DataTable.Col source="signedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
