import { Alert, Box, Chip, CircularProgress, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { formatCents, Section, useRecordView } from '../common';
import type { Investigation, InvestigationEvent } from '../../../server/src/rules/investigation';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`);

const To = ({ link, children }: { link: { resource: string; id: string } | null; children: React.ReactNode }) =>
    link ? (
        <Link component={RouterLink} to={`/${link.resource}/${link.id}/show`} underline="hover">
            {children}
        </Link>
    ) : (
        <>{children}</>
    );

const EventChips = ({ event }: { event: InvestigationEvent }) => {
    const translate = useTranslate();
    return (
        <>
            {event.outcome && (
                <Chip size="small" sx={{ ml: 1 }} color={event.outcome === 'ACCEPTED' ? 'success' : 'error'} variant="outlined" label={translate(`enums.ScanOutcome.${event.outcome}`)} />
            )}
            {event.forced && <Chip size="small" sx={{ ml: 1 }} color="warning" label={translate('disputes.investigation.forced')} />}
            {event.voided && <Chip size="small" sx={{ ml: 1 }} color="default" label={translate('disputes.investigation.voided')} />}
        </>
    );
};

/** A pass's whole life, oldest first: issued, activated, handed out, every scan attempt, endorsement, payment, disputes, staff actions. */
const PassTimeline = ({ pass }: { pass: Investigation['passes'][number] }) => {
    const translate = useTranslate();
    return (
        <Box data-testid="pass-timeline" data-barcode={pass.barcode} sx={{ mb: 3 }}>
            <Typography variant="subtitle1" sx={{ fontFamily: 'monospace' }}>
                <To link={{ resource: 'passes', id: pass.id }}>{pass.barcode}</To>{' '}
                <Chip size="small" label={translate(`enums.PassStatus.${pass.status}`, { _: pass.status })} />
            </Typography>
            <Typography variant="body2" color="text.secondary">
                {translate('disputes.investigation.passLine', { value: formatCents(pass.faceValueCents), order: pass.orderReference, sponsor: pass.sponsorName, booklet: pass.bookletNumber })}
            </Typography>
            <Table size="small">
                <TableBody>
                    {pass.timeline.map((event, i) => (
                        <TableRow key={i} data-kind={event.kind}>
                            <TableCell sx={{ whiteSpace: 'nowrap', width: 130, color: 'text.secondary' }}>{dateTime.format(new Date(event.at))}</TableCell>
                            <TableCell>
                                <To link={event.link}>{event.label}</To>
                                <EventChips event={event} />
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </Box>
    );
};

/**
 * The investigation view of a dispute (GET /api/disputes/:id/investigation): each pass's timeline,
 * the structure's other scans around that time, other disputes on the same structure or passes,
 * and the structure's refusal rate beside the others'.
 */
export const DisputeInvestigation = () => {
    const translate = useTranslate();
    const { data, error, isPending } = useRecordView<Investigation>('investigation');
    if (isPending) return <CircularProgress size={24} />;
    if (error || !data) return <Alert severity="error">{(error as Error)?.message ?? translate('ra.notification.http_error')}</Alert>;
    const { structure, others, days } = data.refusalRate;
    return (
        <Stack spacing={3} data-testid="dispute-investigation">
            <Section title="disputes.investigation.passes" columns={false}>
                {data.passes.length === 0 ? <Typography color="text.secondary">{translate('disputes.investigation.noPass')}</Typography> : data.passes.map(pass => <PassTimeline key={pass.id} pass={pass} />)}
            </Section>
            {data.dispute.structureId && (
                <Section title="disputes.investigation.refusalRate" columns={false}>
                    <Typography variant="body2" data-testid="refusal-rate">
                        {translate('disputes.investigation.rateLine', {
                            days,
                            structure: data.dispute.structureName ?? '',
                            rate: percent(structure.rate),
                            refused: structure.refused,
                            scans: structure.scans,
                            others: percent(others.rate),
                        })}
                    </Typography>
                </Section>
            )}
            <Section title="disputes.investigation.nearby" columns={false}>
                {data.nearbyScans.length === 0 ? (
                    <Typography color="text.secondary">{translate('disputes.investigation.noNearby')}</Typography>
                ) : (
                    <Table size="small" data-testid="nearby-scans">
                        <TableHead>
                            <TableRow>
                                {(['time', 'barcode', 'outcome', 'value'] as const).map(c => (
                                    <TableCell key={c}>{translate(`disputes.investigation.columns.${c}`)}</TableCell>
                                ))}
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {data.nearbyScans.map(scan => (
                                <TableRow key={scan.id} selected={scan.disputed}>
                                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                        <To link={{ resource: 'scans', id: scan.id }}>{dateTime.format(new Date(scan.scannedAt))}</To>
                                    </TableCell>
                                    <TableCell sx={{ fontFamily: 'monospace' }}>{scan.barcode}</TableCell>
                                    <TableCell>
                                        {translate(`enums.ScanOutcome.${scan.outcome}`, { _: scan.outcome })}
                                        {scan.reason ? ` — ${translate(`enums.ScanRejectionReason.${scan.reason}`, { _: scan.reason })}` : ''}
                                        {scan.forced ? ` (${translate('disputes.investigation.forced')})` : ''}
                                        {scan.voided ? ` (${translate('disputes.investigation.voided')})` : ''}
                                    </TableCell>
                                    <TableCell>{formatCents(scan.valueCents)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                )}
            </Section>
            <Section title="disputes.investigation.others" columns={false}>
                {data.otherDisputes.length === 0 ? (
                    <Typography color="text.secondary">{translate('disputes.investigation.noOther')}</Typography>
                ) : (
                    <Stack spacing={0.5}>
                        {data.otherDisputes.map(d => (
                            <Typography key={d.id} variant="body2">
                                <To link={{ resource: 'disputes', id: d.id }}>{d.reference}</To> — {translate(`enums.DisputeCategory.${d.category}`, { _: d.category })},{' '}
                                {translate(`enums.DisputeStatus.${d.status}`, { _: d.status })}
                                {d.outcome ? ` (${translate(`enums.DisputeOutcome.${d.outcome}`, { _: d.outcome })})` : ''} —{' '}
                                {translate(d.samePass ? 'disputes.investigation.samePass' : 'disputes.investigation.sameStructure')}
                            </Typography>
                        ))}
                    </Stack>
                )}
            </Section>
        </Stack>
    );
};
