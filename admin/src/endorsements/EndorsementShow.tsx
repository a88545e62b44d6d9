import { useState } from 'react';
import { Box, Stack } from '@mui/material';
import { DataTable, NumberField, TabbedShowLayout, TextField, useCanAccessResources } from 'react-admin';
import { DateTimeField, DownloadButton, EnumCol, MoneyField, RecordShow, RefCol, RelatedTab, StatusChip } from '../common';

/** A closed statement's PDF in its row; a draft has none yet. */
const StatementPdfCell = (statement: { id: string; number: string | null; status: string }) =>
    statement.status === 'FINAL' ? <DownloadButton path={`statements/${statement.id}/pdf`} filename={`releve-${statement.number}.pdf`} iconOnly /> : null;
import type { JobRun } from '../dataProvider';
import { EndorsementProgress, EndorsementWorkflow, PayoutFiles } from './EndorsementActions';

/** The month, its status, above the tabs. */
const EndorsementHeader = () => (
    <Box sx={{ px: 2, pt: 2 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField source="period" variant="h6" component="h2" />
            <Box data-testid="endorsement-status">
                <StatusChip source="status" enum="EndorsementStatus" />
            </Box>
        </Stack>
    </Box>
);

/**
 * A month's run (SPEC §3 "Endorsement"): its totals (gross, 4 % fee, kit fees, adjustments,
 * carried balances, net, what the payouts will transfer), the live progress of its computation
 * and closing, « Recalculer » while a draft, « Clôturer » after a confirmation stating the totals,
 * then « Exporter les virements » (SEPA file and CSV) and « Marquer payé »; its statements and payouts.
 */
export const EndorsementShow = () => {
    const { canAccess } = useCanAccessResources({ action: 'list', resources: ['statements', 'payouts'] });
    const [run, setRun] = useState<JobRun | null>(null);
    return (
        <RecordShow workflow={<EndorsementWorkflow onRun={setRun} />}>
            <EndorsementHeader />
            <EndorsementProgress started={run} onRun={setRun} />
            <PayoutFiles />
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.summary">
                    <NumberField source="revision" />
                    <NumberField source="statementCount" />
                    <NumberField source="passCount" />
                    <MoneyField source="grossCents" />
                    <MoneyField source="feeCents" />
                    <MoneyField source="subscriptionCents" />
                    <MoneyField source="adjustmentsCents" />
                    <MoneyField source="carriedCents" />
                    <MoneyField source="netCents" />
                    <MoneyField source="payableCents" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="tabs.dates" path="dates">
                    <DateTimeField source="periodStart" />
                    <DateTimeField source="periodEnd" />
                    <DateTimeField source="preparedAt" />
                    <TextField source="preparedByName" emptyText="—" />
                    <DateTimeField source="closedAt" />
                    <TextField source="closedByName" emptyText="—" />
                    <DateTimeField source="exportedAt" />
                    <TextField source="exportedByName" emptyText="—" />
                    <DateTimeField source="paidAt" />
                    <TextField source="paidByName" emptyText="—" />
                </TabbedShowLayout.Tab>
                {canAccess?.statements && (
                    <RelatedTab reference="statements" target="endorsementId" path="statements" sort={{ field: 'netCents', order: 'DESC' }}>
                        <DataTable.Col source="number" />
                        <RefCol source="structureId" reference="structures" />
                        <EnumCol source="status" enum="StatementStatus" />
                        <DataTable.NumberCol source="passCount" />
                        <DataTable.Col source="grossCents" field={MoneyField} />
                        <DataTable.Col source="feeCents" field={MoneyField} />
                        <DataTable.Col source="subscriptionCents" field={MoneyField} />
                        <DataTable.Col source="carriedCents" field={MoneyField} />
                        <DataTable.Col source="netCents" field={MoneyField} />
                        <DataTable.Col source="id" label="downloads.pdf" disableSort render={StatementPdfCell} />
                    </RelatedTab>
                )}
                {canAccess?.payouts && (
                    <RelatedTab reference="payouts" target="endorsementId" path="payouts" sort={{ field: 'amountCents', order: 'DESC' }}>
                        <DataTable.Col source="endToEndId" />
                        <RefCol source="structureId" reference="structures" />
                        <DataTable.Col source="amountCents" field={MoneyField} />
                        <EnumCol source="status" enum="PayoutStatus" />
                        <DataTable.Col source="withheldReason" />
                        <DataTable.Col source="returnedReason" />
                    </RelatedTab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
