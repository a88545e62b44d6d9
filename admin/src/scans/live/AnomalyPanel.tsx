import { memo } from 'react';
import { Alert, Box, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { Anomaly } from './liveFeed';

const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris' });

const AnomalyItem = ({ anomaly }: { anomaly: Anomaly }) => {
    const translate = useTranslate();
    const text = translate(`liveScans.anomalies.${anomaly.kind}`, {
        smart_count: anomaly.count,
        structure: anomaly.structureName,
        structures: anomaly.structureNames.join(', '),
        barcode: anomaly.barcode ?? '',
        time: time.format(new Date(anomaly.lastAt)),
    });
    return (
        <Alert
            severity={anomaly.kind === 'REPEATED_INVALID_BARCODE' ? 'warning' : 'error'}
            data-testid="live-anomaly"
            data-kind={anomaly.kind}
            sx={{ py: 0, '& .MuiAlert-message': { py: 0.75 } }}
        >
            <Typography variant="body2" component="div" sx={{ fontWeight: 600 }}>
                {translate(`liveScans.anomalies.titles.${anomaly.kind}`)}
            </Typography>
            <Typography variant="body2" component="div">
                {text}
            </Typography>
            <Stack direction="row" spacing={1.5} sx={{ mt: 0.25 }}>
                <Link component={RouterLink} to={`/structures/${anomaly.structureId}/show`} variant="caption">
                    {translate('liveScans.anomalies.openStructure')}
                </Link>
                {anomaly.passId && (
                    <Link component={RouterLink} to={`/passes/${anomaly.passId}/show`} variant="caption">
                        {translate('liveScans.anomalies.openPass')}
                    </Link>
                )}
            </Stack>
        </Alert>
    );
};

/**
 * Anomalies, newest first: on the live page those seen since it opened (their rows are highlighted
 * in the table), on the SUPPORT dashboard today's, from the server (`title` and `empty` say which).
 */
export const AnomalyPanel = memo(
    ({
        anomalies,
        title = 'liveScans.anomalies.title',
        empty = 'liveScans.anomalies.empty',
        testId = 'live-anomalies',
    }: {
        anomalies: Anomaly[];
        title?: string;
        empty?: string;
        testId?: string;
    }) => {
        const translate = useTranslate();
        return (
            <Card sx={{ flex: '1 1 380px', minWidth: 0 }} data-testid={testId}>
                <CardContent sx={{ pb: '12px !important' }}>
                    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                        {translate(title)}
                        {anomalies.length > 0 && ` (${anomalies.length})`}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
                        {translate('liveScans.anomalies.hint')}
                    </Typography>
                    {anomalies.length === 0 ? (
                        <Typography variant="body2" color="text.secondary">
                            {translate(empty)}
                        </Typography>
                    ) : (
                        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, maxHeight: 190, overflowY: 'auto' }}>
                            {anomalies.map(anomaly => (
                                <AnomalyItem key={anomaly.key} anomaly={anomaly} />
                            ))}
                        </Box>
                    )}
                </CardContent>
            </Card>
        );
    },
);
AnomalyPanel.displayName = 'AnomalyPanel';
