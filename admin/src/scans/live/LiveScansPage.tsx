import { useMemo, useState } from 'react';
import {
    Alert,
    Autocomplete,
    Box,
    Button,
    Card,
    Chip,
    Stack,
    TextField,
    ToggleButton,
    ToggleButtonGroup,
    Typography,
} from '@mui/material';
import PauseIcon from '@mui/icons-material/Pause';
import PlayIcon from '@mui/icons-material/PlayArrow';
import { Title, useTranslate } from 'react-admin';
import { AnomalyPanel } from './AnomalyPanel';
import { LiveScanChart } from './LiveScanChart';
import { LiveScanTable } from './LiveScanTable';
import { isFilterActive, LIVE_ROWS_MAX, type LiveFilter, type OutcomeFilter } from './liveFeed';
import { useLiveScanFeed, type SeenStructure } from './useLiveScanFeed';

const number = new Intl.NumberFormat('fr-FR');

/** The connection state, in words: live, paused with what waits, or why the feed is unavailable. */
const FeedStatus = ({ feed }: { feed: ReturnType<typeof useLiveScanFeed> }) => {
    const translate = useTranslate();
    if (feed.ack && !feed.ack.ok) {
        return <Chip color="error" label={translate('liveScans.status.refused', { error: feed.ack.error ?? '' })} data-testid="live-status" data-status="refused" />;
    }
    if (feed.paused) {
        return (
            <Chip
                color="warning"
                label={translate('liveScans.status.paused', { smart_count: feed.heldCount })}
                data-testid="live-status"
                data-status="paused"
                data-held={feed.heldCount}
            />
        );
    }
    return (
        <Chip
            color="success"
            variant="outlined"
            label={translate(feed.ack ? 'liveScans.status.live' : 'liveScans.status.connecting')}
            data-testid="live-status"
            data-status={feed.ack ? 'live' : 'connecting'}
        />
    );
};

/** SUPPORT's live feed of every scan attempt across France (issue 12). */
export const LiveScansPage = () => {
    const translate = useTranslate();
    const [structure, setStructure] = useState<SeenStructure | null>(null);
    const [departement, setDepartement] = useState('');
    const [outcome, setOutcome] = useState<OutcomeFilter>('ALL');
    const filter = useMemo<LiveFilter>(
        () => ({ structureId: structure?.id ?? null, departement: departement.trim() || null, outcome }),
        [structure, departement, outcome]
    );
    const feed = useLiveScanFeed(filter);
    const anomalyKeys = useMemo(() => new Set(feed.anomalies.map(a => a.key)), [feed.anomalies]);
    const filtered = isFilterActive(filter);

    return (
        <Box sx={{ mt: 1 }} data-testid="live-scans-page">
            <Title title={translate('liveScans.title')} />
            <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }}>
                <Typography variant="h5" component="h1">
                    {translate('liveScans.title')}
                </Typography>
                <FeedStatus feed={feed} />
                <Typography variant="body2" color="text.secondary" data-testid="live-received" data-count={feed.received}>
                    {translate('liveScans.received', { smart_count: feed.received, count: number.format(feed.received) })}
                </Typography>
                <Box sx={{ flex: 1 }} />
                {feed.paused ? (
                    <Button variant="contained" startIcon={<PlayIcon />} onClick={feed.resume} data-testid="live-resume">
                        {translate('liveScans.resume', { smart_count: feed.heldCount })}
                    </Button>
                ) : (
                    <Button variant="outlined" startIcon={<PauseIcon />} onClick={feed.pause} data-testid="live-pause">
                        {translate('liveScans.pause')}
                    </Button>
                )}
            </Stack>

            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'stretch' }}>
                <LiveScanChart series={feed.series} />
                <AnomalyPanel anomalies={feed.anomalies} />
            </Stack>

            {feed.resumedCount != null && (
                <Alert severity="info" onClose={feed.dismissResumed} sx={{ mb: 1 }} data-testid="live-resumed">
                    {translate('liveScans.resumed', { smart_count: feed.resumedCount })}
                </Alert>
            )}

            <Card>
                <Stack direction="row" spacing={2} useFlexGap sx={{ p: 1.5, alignItems: 'center', flexWrap: 'wrap' }} data-testid="live-filters">
                    <Autocomplete
                        sx={{ width: 300 }}
                        size="small"
                        options={feed.structures}
                        value={structure}
                        onChange={(_, value) => setStructure(value)}
                        getOptionLabel={option => `${option.name} (${option.departement})`}
                        isOptionEqualToValue={(option, value) => option.id === value.id}
                        noOptionsText={translate('liveScans.filters.noStructure')}
                        renderInput={params => <TextField {...params} label={translate('liveScans.filters.structure')} />}
                    />
                    <TextField
                        size="small"
                        sx={{ width: 150 }}
                        label={translate('liveScans.filters.departement')}
                        placeholder={translate('liveScans.filters.departementHint')}
                        value={departement}
                        onChange={event => setDepartement(event.target.value.slice(0, 3))}
                        slotProps={{ htmlInput: { 'data-testid': 'live-filter-departement' } }}
                    />
                    <ToggleButtonGroup
                        size="small"
                        exclusive
                        value={outcome}
                        onChange={(_, value: OutcomeFilter | null) => value && setOutcome(value)}
                        aria-label={translate('liveScans.filters.outcome')}
                    >
                        {(['ALL', 'ACCEPTED', 'REFUSED'] as const).map(value => (
                            <ToggleButton key={value} value={value} data-testid={`live-filter-${value.toLowerCase()}`}>
                                {translate(`liveScans.filters.${value.toLowerCase()}`)}
                            </ToggleButton>
                        ))}
                    </ToggleButtonGroup>
                    {filtered && (
                        <Button
                            size="small"
                            onClick={() => {
                                setStructure(null);
                                setDepartement('');
                                setOutcome('ALL');
                            }}
                        >
                            {translate('liveScans.filters.clear')}
                        </Button>
                    )}
                    <Typography variant="caption" color="text.secondary" data-testid="live-shown" sx={{ ml: 'auto' }}>
                        {translate('liveScans.shown', { smart_count: feed.rows.length, max: LIVE_ROWS_MAX })}
                    </Typography>
                </Stack>
                <LiveScanTable
                    rows={feed.rows}
                    anomalyKeys={anomalyKeys}
                    emptyText={translate(filtered ? 'liveScans.emptyFiltered' : 'liveScans.empty')}
                />
            </Card>
        </Box>
    );
};

export default LiveScansPage;
