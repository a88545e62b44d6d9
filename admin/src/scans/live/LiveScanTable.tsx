import { memo } from 'react';
import { Box, Chip, Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { anomalyKeysOf, isRefused, type LiveScan } from './liveFeed';

const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris' });
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'medium', timeZone: 'Europe/Paris' });

const RecordLink = ({ to, children, testId }: { to: string; children: React.ReactNode; testId?: string }) => (
    <Link component={RouterLink} to={to} underline="hover" data-testid={testId}>
        {children}
    </Link>
);

/** One attempt; rows never change once shown, so a new batch renders only its own rows. */
const LiveScanRow = memo(({ scan, highlighted }: { scan: LiveScan; highlighted: boolean }) => {
    const translate = useTranslate();
    const refused = isRefused(scan);
    const reason = scan.reasonLabel ?? (scan.reason ? translate(`enums.ScanRejectionReason.${scan.reason}`, { _: scan.reason }) : '');
    const at = new Date(scan.scannedAt);
    return (
        <TableRow
            data-testid="live-scan-row"
            data-scan-id={scan.id}
            data-outcome={scan.outcome}
            data-anomaly={highlighted ? 'true' : undefined}
            sx={theme => ({
                bgcolor: highlighted ? alpha(theme.palette.warning.main, 0.18) : undefined,
                boxShadow: highlighted ? `inset 4px 0 0 ${theme.palette.warning.main}` : undefined,
            })}
        >
            <TableCell sx={{ whiteSpace: 'nowrap' }} title={dateTime.format(at)}>
                <RecordLink to={`/scans/${scan.id}/show`} testId="live-scan-link">
                    {time.format(at)}
                </RecordLink>
            </TableCell>
            <TableCell>
                <RecordLink to={`/structures/${scan.structureId}/show`}>{scan.structureName}</RecordLink>
                <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                    {scan.departement}
                </Typography>
            </TableCell>
            <TableCell>{scan.serviceLabel ?? '—'}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                {scan.passId ? <RecordLink to={`/passes/${scan.passId}/show`}>{scan.barcode}</RecordLink> : scan.barcode}
            </TableCell>
            <TableCell>
                <Chip
                    size="small"
                    color={refused ? 'error' : scan.outcome === 'ACCEPTED' ? 'success' : 'default'}
                    variant={refused ? 'outlined' : 'filled'}
                    label={translate(`enums.ScanOutcome.${scan.outcome}`, { _: scan.outcome })}
                />
                {scan.forced && (
                    <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                        {translate('liveScans.forced')}
                    </Typography>
                )}
            </TableCell>
            <TableCell data-testid="live-scan-reason" sx={{ color: refused ? 'error.main' : undefined }}>
                {reason}
            </TableCell>
        </TableRow>
    );
});
LiveScanRow.displayName = 'LiveScanRow';

/** Renders again only when rows or anomalies change (not at every count of what arrived while paused). */
export const LiveScanTable = memo(({ rows, anomalyKeys, emptyText }: { rows: LiveScan[]; anomalyKeys: ReadonlySet<string>; emptyText: string }) => {
    const translate = useTranslate();
    return (
        <TableContainer sx={{ maxHeight: 'calc(100vh - 120px)', minHeight: 240 }}>
            <Table size="small" stickyHeader data-testid="live-scan-table">
                <TableHead>
                    <TableRow>
                        {(['time', 'structure', 'service', 'barcode', 'outcome', 'reason'] as const).map(column => (
                            <TableCell key={column}>{translate(`liveScans.columns.${column}`)}</TableCell>
                        ))}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map(scan => (
                        <LiveScanRow
                            key={scan.id}
                            scan={scan}
                            highlighted={anomalyKeys.size > 0 && anomalyKeysOf(scan).some(key => anomalyKeys.has(key))}
                        />
                    ))}
                </TableBody>
            </Table>
            {rows.length === 0 && (
                <Box sx={{ p: 3, textAlign: 'center' }}>
                    <Typography color="text.secondary" data-testid="live-scan-empty">
                        {emptyText}
                    </Typography>
                </Box>
            )}
        </TableContainer>
    );
});
LiveScanTable.displayName = 'LiveScanTable';
