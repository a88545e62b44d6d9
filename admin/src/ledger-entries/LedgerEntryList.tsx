import { Typography } from '@mui/material';
import { DataTable, TextInput, useFieldValue, type FieldProps } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumCol,
    ResourceList,
    formatCents,
    ResourceNameField,
    dateRangeFilters,
    searchFilter,
} from '../common';
import { RecordLinkField } from '../audit-events/RecordLinkField';
import { AccountField, TransactionField } from './AccountField';

// `account` and `transactionId` are exact (a click on an account or a transaction sets them);
// `q` finds a part of an account, transaction or record id.
const filters = [
    searchFilter,
    <TextInput key="account" source="account" alwaysOn />,
    <EnumArrayInput key="event" source="event" enum="LedgerEvent" alwaysOn />,
    <TextInput key="transactionId" source="transactionId" />,
    ...dateRangeFilters('createdAt', { alwaysOn: true }),
];

/** One side of a line in euros; the other side (0) stays blank, as in a journal. */
const SideField = (props: FieldProps) => {
    const cents = useFieldValue(props) as number | undefined;
    return (
        <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
            {cents ? formatCents(cents) : ''}
        </Typography>
    );
};

/** The books, read-only: one row per debit or credit line, amounts in euros. */
export const LedgerEntryList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50}>
        <DataTable rowClick={false} bulkActionButtons={false}>
            <DataTable.Col source="createdAt" field={DateTimeField} />
            <DataTable.Col source="transactionId" field={TransactionField} disableSort />
            <EnumCol source="event" enum="LedgerEvent" color="primary" />
            <DataTable.Col source="account" field={AccountField} />
            <DataTable.Col source="debitCents" field={SideField} align="right" />
            <DataTable.Col source="creditCents" field={SideField} align="right" />
            <DataTable.Col source="resource" field={ResourceNameField} disableSort />
            <DataTable.Col source="recordId" field={RecordLinkField} disableSort />
        </DataTable>
    </ResourceList>
);
