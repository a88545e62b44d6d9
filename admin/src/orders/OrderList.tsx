import { DataTable, NumberInput } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumCol,
    ListActionsWithColumns,
    MoneyField,
    RefCol,
    RefInput,
    ResourceList,
    searchFilter,
} from '../common';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="OrderStatus" alwaysOn />,
    <RefInput key="sponsorId" source="sponsorId" reference="sponsors" />,
    <NumberInput key="validityYear" source="validityYear" />,
];

export const OrderList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActionsWithColumns />}>
        {/* The fee, the total owed, what was paid and the payment order number are on the order's page, and under "Colonnes". */}
        <DataTable
            rowClick="show"
            bulkActionButtons={false}
            hiddenColumns={['upstreamFeeCents', 'totalCents', 'paidCents', 'paymentOrderNumber']}
        >
            <DataTable.Col source="reference" />
            <RefCol source="sponsorId" reference="sponsors" />
            <EnumCol source="status" enum="OrderStatus" />
            <DataTable.NumberCol source="bookletCount" />
            <DataTable.Col source="faceValueCents" field={MoneyField} />
            <DataTable.Col source="upstreamFeeCents" field={MoneyField} />
            <DataTable.Col source="totalCents" field={MoneyField} />
            <DataTable.Col source="paidCents" field={MoneyField} />
            <DataTable.Col source="validityYear" />
            <DataTable.Col source="paymentOrderNumber" />
            <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
