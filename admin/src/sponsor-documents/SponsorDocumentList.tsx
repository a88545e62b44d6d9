import { DataTable, SelectInput } from 'react-admin';
import { DateOnlyField, EnumCol, enumChoices, MoneyField, RefCol, RefInput, ResourceList, searchFilter } from '../common';
import { DocumentDownload } from './DocumentDownload';

const filters = [
    searchFilter,
    // Statements are the structures' documents, not the sponsors'.
    <SelectInput key="kind" source="kind" choices={enumChoices('DocumentKind').filter(choice => choice.id !== 'STATEMENT')} />,
    <RefInput key="sponsorId" source="sponsorId" reference="sponsors" />,
    <RefInput key="orderId" source="orderId" reference="orders" />,
];

/** The numbered documents sent to sponsors: an upstream-fee invoice per order, credit notes at closing. */
export const SponsorDocumentList = () => (
    <ResourceList filters={filters} sort={{ field: 'issuedAt', order: 'DESC' }}>
        <DataTable rowClick={false} bulkActionButtons={false}>
            <DataTable.Col source="number" />
            <EnumCol source="kind" enum="DocumentKind" color="primary" />
            <RefCol source="sponsorId" reference="sponsors" />
            <RefCol source="orderId" reference="orders" />
            <DataTable.Col source="amountCents" field={MoneyField} />
            <DataTable.Col source="issuedAt" field={DateOnlyField} />
            <DataTable.Col source="id" label="sponsor-documents.download" disableSort render={DocumentDownload} />
        </DataTable>
    </ResourceList>
);
