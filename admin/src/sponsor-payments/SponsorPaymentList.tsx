import { DataTable } from 'react-admin';
import { DateOnlyField, DateTimeField, MoneyField, RefCol, RefInput, ResourceList, dateRangeFilters, searchFilter } from '../common';

const filters = [
    searchFilter,
    <RefInput key="sponsorId" source="sponsorId" reference="sponsors" />,
    <RefInput key="orderId" source="orderId" reference="orders" />,
    ...dateRangeFilters('receivedOn'),
];

/** What sponsors paid, as the bank received it; recorded on each order ("Enregistrer un paiement"). */
export const SponsorPaymentList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick={false} bulkActionButtons={false}>
            <DataTable.Col source="receivedOn" field={DateOnlyField} />
            <RefCol source="sponsorId" reference="sponsors" />
            <RefCol source="orderId" reference="orders" />
            <DataTable.Col source="amountCents" field={MoneyField} />
            <DataTable.Col source="bankReference" />
            <DataTable.Col source="recordedByName" />
            <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
