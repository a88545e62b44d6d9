import { memo } from 'react';
import { Card, CardContent, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MinuteCount } from './liveFeed';

const minuteOf = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/** Accepted and refused scans per minute over the last minutes (recharts, like the dashboard). */
export const LiveScanChart = memo(({ series }: { series: MinuteCount[] }) => {
    const translate = useTranslate();
    const theme = useTheme();
    const data = series.map(m => ({ minute: minuteOf.format(m.minute), accepted: m.accepted, refused: m.refused }));
    const accepted = series.reduce((sum, m) => sum + m.accepted, 0);
    const refused = series.reduce((sum, m) => sum + m.refused, 0);
    return (
        <Card sx={{ flex: '2 1 520px', minWidth: 0 }} data-testid="live-scan-chart" data-accepted={accepted} data-refused={refused}>
            <CardContent sx={{ pb: '12px !important' }}>
                <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                    {translate('liveScans.chart.title')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                    {translate('liveScans.chart.hint', { accepted, refused })}
                </Typography>
                <ResponsiveContainer width="100%" height={170}>
                    <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="minute" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
                        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
                        <Tooltip />
                        <Legend wrapperStyle={{ fontSize: 12 }} />
                        <Bar dataKey="accepted" name={translate('liveScans.chart.accepted')} stackId="scans" fill={theme.palette.success.main} isAnimationActive={false} />
                        <Bar dataKey="refused" name={translate('liveScans.chart.refused')} stackId="scans" fill={theme.palette.error.main} isAnimationActive={false} />
                    </BarChart>
                </ResponsiveContainer>
            </CardContent>
        </Card>
    );
});
LiveScanChart.displayName = 'LiveScanChart';
