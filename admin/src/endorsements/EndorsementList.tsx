import { useState } from 'react';
import { DataTable, TextInput } from 'react-admin';
import { DateTimeField, EnumArrayInput, EnumCol, MoneyField, ResourceList } from '../common';
import type { JobRun } from '../dataProvider';
import { EndorsementListActions, NoMonthYet, PrepareProgress } from './EndorsementActions';

const filters = [
    <TextInput key="period" source="period" alwaysOn helperText={false} placeholder="2026-01" />,
    <EnumArrayInput key="status" source="status" enum="EndorsementStatus" alwaysOn />,
];

/** The months: each run's state and totals; FINANCE prepares one by hand here ("Préparer un mois") and follows its computation. */
export const EndorsementList = () => {
    const [run, setRun] = useState<JobRun | null>(null);
    return (
        <ResourceList filters={filters} sort={{ field: "period", order: "DESC" }} actions={<EndorsementListActions onRun={setRun} />}
            // No month yet: the usual sentence, and the way to prepare the first one.
            empty={<NoMonthYet onRun={setRun} />}>
            <PrepareProgress run={run} onEvent={setRun} />
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="period" />
                <EnumCol source="status" enum="EndorsementStatus" />
                <DataTable.NumberCol source="revision" />
                <DataTable.NumberCol source="statementCount" />
                <DataTable.NumberCol source="passCount" />
                <DataTable.Col source="grossCents" field={MoneyField} />
                <DataTable.Col source="feeCents" field={MoneyField} />
                <DataTable.Col source="subscriptionCents" field={MoneyField} />
                <DataTable.Col source="payableCents" field={MoneyField} />
                <DataTable.Col source="closedAt" field={DateTimeField} />
            </DataTable>
        </ResourceList>
    );
};
