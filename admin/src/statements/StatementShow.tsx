import { Alert, Box, CircularProgress, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { TabbedShowLayout, TextField, NumberField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, DownloadButton, formatCents, MoneyField, RefField, StatusChip, RecordShow, Section, useRecordView } from '../common';
import type { StatementAdjustment } from '../../../server/src/rules/statements';

/** A closed statement's PDF (`GET /api/statements/:id/pdf`); a draft has none yet. */
const StatementPdf = () => {
    const record = useRecordContext();
    if (!record || record.status !== 'FINAL') return null;
    return (
        <Box sx={{ px: 2, pt: 2 }}>
            <DownloadButton path={`statements/${record.id}/pdf`} filename={`releve-${record.number}.pdf`} />
        </Box>
    );
};

/** Each adjustment the statement deducts, with its reason and its dispute (GET /api/statements/:id/adjustments). */
const StatementAdjustments = () => {
    const translate = useTranslate();
    const { data, error, isPending } = useRecordView<StatementAdjustment[]>('adjustments');
    return (
        <Section title="statementPage.adjustments.title" columns={false} testId="statement-adjustments">
            {isPending ? (
                <CircularProgress size={20} />
            ) : error ? (
                <Alert severity="error">{(error as Error).message}</Alert>
            ) : !data || data.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('statementPage.adjustments.empty')}
                </Typography>
            ) : (
                <Table size="small">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('statementPage.adjustments.reason')}</TableCell>
                            <TableCell>{translate('statementPage.adjustments.dispute')}</TableCell>
                            <TableCell align="right">{translate('statementPage.adjustments.amount')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {data.map(adjustment => (
                            <TableRow key={adjustment.id} data-testid="statement-adjustment">
                                <TableCell>{adjustment.reason}</TableCell>
                                <TableCell>
                                    {adjustment.disputeId ? (
                                        <Link component={RouterLink} to={`/disputes/${adjustment.disputeId}/show`} underline="hover">
                                            {adjustment.disputeReference}
                                        </Link>
                                    ) : (
                                        '—'
                                    )}
                                </TableCell>
                                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                                    {formatCents(-adjustment.amountCents)}
                                </TableCell>
                            </TableRow>
                        ))}
                        <TableRow>
                            <TableCell colSpan={2} sx={{ fontWeight: 600 }}>
                                {translate('statementPage.adjustments.total')}
                            </TableCell>
                            <TableCell align="right" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                                {formatCents(-data.reduce((sum, a) => sum + a.amountCents, 0))}
                            </TableCell>
                        </TableRow>
                    </TableBody>
                </Table>
            )}
        </Section>
    );
};

/** « Relevé 2026-000042 », or « Relevé provisoire » for a draft (not « Relevé Relevé provisoire »). */
const StatementTitle = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return <>{record.number ? `${translate('resources.statements.name', { smart_count: 1 })} ${record.number}` : 'Relevé provisoire'}</>;
};

export const StatementShow = () => (
    <RecordShow title={<StatementTitle />}>
        <StatementPdf />
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="number" emptyText="—" />
                <StatusChip source="status" enum="StatementStatus" />
                <RefField source="endorsementId" reference="endorsements" />
                <RefField source="structureId" reference="structures" />
                <DateTimeField source="issuedAt" />
                <NumberField source="passCount" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.amounts" path="amounts">
                <MoneyField source="grossCents" />
                <MoneyField source="feeCents" />
                <MoneyField source="subscriptionCents" />
                <MoneyField source="adjustmentsCents" />
                <MoneyField source="carriedCents" />
                <MoneyField source="netCents" />
                <StatementAdjustments />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
