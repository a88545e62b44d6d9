import { useState } from 'react';
import { Alert, Box, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { DownloadButton, formatCents } from '../common';
import { isMonth, MonthField } from '../common/MonthField';
import type { AppDataProvider } from '../dataProvider';

/** GET /api/reports/reconciliation (server/src/reports/reconciliation.ts, documented in the OpenAPI document). */
interface Reconciliation {
    month: string;
    generatedAt: string;
    ok: boolean;
    families: { family: string; label: string; openingCents: number; debitCents: number; creditCents: number; closingCents: number }[];
    invariants: { invariant: string; label: string; expectedCents: number; actualCents: number; differenceCents: number; subjects: number; details: string[] }[];
}

/** This month in Paris, "AAAA-MM": the report to date. */
const thisMonthInParis = () => new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });

const red = { color: 'error.main', fontWeight: 600 } as const;

/**
 * The reconciliation report (SPEC §3 "Ledger"): per account family, the month's opening balance,
 * movements and closing balance; each invariant with its expected and actual value and the
 * difference (zero when all is right, in red otherwise); the same as a CSV.
 */
export const ReconciliationPage = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<AppDataProvider>();
    const [month, setMonth] = useState(thisMonthInParis());
    const valid = isMonth(month);
    const { data, error, isFetching } = useQuery({
        queryKey: ['reconciliation', month],
        queryFn: () => dataProvider.getJson<Reconciliation>(`reports/reconciliation?month=${month}`),
        enabled: valid,
    });
    return (
        <Box sx={{ p: 2, display: 'grid', gap: 2, maxWidth: 1100 }} data-testid="reconciliation">
            <Title title={translate('reconciliation.title')} />
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <MonthField value={month} onChange={setMonth} label="reconciliation.month" testId="reconciliation-month" />
                {valid && <DownloadButton path={`reports/reconciliation.csv?month=${month}`} filename={`rapprochement-${month}.csv`} label="reconciliation.csv" />}
            </Stack>
            {isFetching && <LinearProgress />}
            {error && <Alert severity="error">{(error as Error).message}</Alert>}
            {data && (
                <>
                    {data.ok ? (
                        <Alert severity="success" data-testid="reconciliation-ok">
                            {translate('reconciliation.ok', { at: new Date(data.generatedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) })}
                        </Alert>
                    ) : (
                        <Alert severity="error" data-testid="reconciliation-differences">
                            {translate('reconciliation.differences')}
                        </Alert>
                    )}
                    <Card>
                        <CardContent>
                            <Typography variant="h6" component="h2" gutterBottom>
                                {translate('reconciliation.families')}
                            </Typography>
                            <Table size="small">
                                <TableHead>
                                    <TableRow>
                                        <TableCell>{translate('reconciliation.family')}</TableCell>
                                        <TableCell align="right">{translate('reconciliation.opening')}</TableCell>
                                        <TableCell align="right">{translate('reconciliation.debit')}</TableCell>
                                        <TableCell align="right">{translate('reconciliation.credit')}</TableCell>
                                        <TableCell align="right">{translate('reconciliation.closing')}</TableCell>
                                    </TableRow>
                                </TableHead>
                                <TableBody>
                                    {data.families.map(f => (
                                        <TableRow key={f.family} data-family={f.family}>
                                            <TableCell>{f.label}</TableCell>
                                            <TableCell align="right">{formatCents(f.openingCents)}</TableCell>
                                            <TableCell align="right">{formatCents(f.debitCents)}</TableCell>
                                            <TableCell align="right">{formatCents(f.creditCents)}</TableCell>
                                            <TableCell align="right">{formatCents(f.closingCents)}</TableCell>
                                        </TableRow>
                                    ))}
                                </TableBody>
                            </Table>
                        </CardContent>
                    </Card>
                    <Card>
                        <CardContent>
                            <Typography variant="h6" component="h2" gutterBottom>
                                {translate('reconciliation.invariants')}
                            </Typography>
                            <Table size="small">
                                <TableHead>
                                    <TableRow>
                                        <TableCell>{translate('reconciliation.invariant')}</TableCell>
                                        <TableCell align="right">{translate('reconciliation.expected')}</TableCell>
                                        <TableCell align="right">{translate('reconciliation.actual')}</TableCell>
                                        <TableCell align="right">{translate('reconciliation.difference')}</TableCell>
                                    </TableRow>
                                </TableHead>
                                <TableBody>
                                    {data.invariants.map(i => (
                                        <TableRow key={i.invariant} data-invariant={i.invariant} data-difference={i.differenceCents}>
                                            <TableCell>
                                                {i.label}
                                                {i.details.map(detail => (
                                                    <Typography key={detail} variant="body2" sx={red}>
                                                        {detail}
                                                    </Typography>
                                                ))}
                                            </TableCell>
                                            <TableCell align="right">{formatCents(i.expectedCents)}</TableCell>
                                            <TableCell align="right">{formatCents(i.actualCents)}</TableCell>
                                            <TableCell align="right" sx={i.differenceCents !== 0 || i.subjects > 0 ? red : undefined}>
                                                {formatCents(i.differenceCents)}
                                            </TableCell>
                                        </TableRow>
                                    ))}
                                </TableBody>
                            </Table>
                        </CardContent>
                    </Card>
                </>
            )}
        </Box>
    );
};
