import type { ComponentType, ReactNode } from 'react';
import { Box, Card, CardActionArea, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';
import type { ListLink, MoneyQueue, Queue } from '../../../server/src/rules/dashboards';
import { formatCents } from '../common/MoneyField';

const number = new Intl.NumberFormat('fr-FR');

/** The react-admin list a figure counts, with the server's filter. */
export const listUrl = ({ resource, filter }: ListLink) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** "il y a 3 jours", "il y a 5 heures"… in the console's language. */
export const useAge = () => {
    const [locale] = useLocaleState();
    const format = new Intl.RelativeTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { numeric: 'auto' });
    return (iso: string, now = Date.now()) => {
        const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60_000));
        if (minutes < 60) return format.format(-minutes, 'minute');
        if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour');
        return format.format(-Math.round(minutes / 1440), 'day');
    };
};

interface QueueCardProps {
    icon: ComponentType<{ fontSize?: 'large' }>;
    /** i18n key of the card's title. */
    title: string;
    queue: Queue | MoneyQueue;
    /** Resource of the oldest item's page (default: the queue's list resource). */
    itemResource?: string;
    extra?: ReactNode;
    testId: string;
}

/**
 * A queue of the role's work: how many wait (and their amount), how long the oldest has waited
 * and which one it is (a link to it); the card opens the list it counts.
 */
export const QueueCard = ({ icon: Icon, title, queue, itemResource, extra, testId }: QueueCardProps) => {
    const translate = useTranslate();
    const age = useAge();
    const amount = 'amountCents' in queue ? queue.amountCents : null;
    return (
        <Card sx={{ flex: '1 1 200px', minWidth: 0, display: 'flex', flexDirection: 'column' }} data-testid={testId}>
            <CardActionArea component={Link} to={listUrl(queue.list)} sx={{ flex: 1 }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 2, pb: 1 }}>
                    <Box sx={{ color: queue.count ? 'primary.main' : 'text.disabled', display: 'flex' }}>
                        <Icon fontSize="large" />
                    </Box>
                    <Box sx={{ textAlign: 'right', flex: 1 }}>
                        <Typography color="text.secondary" variant="body2">
                            {translate(title)}
                        </Typography>
                        <Typography variant="h4" component="div" data-testid={`${testId}-count`}>
                            {number.format(queue.count)}
                        </Typography>
                        {amount != null && (
                            <Typography variant="body1" component="div" data-testid={`${testId}-amount`}>
                                {formatCents(amount)}
                            </Typography>
                        )}
                        {extra}
                    </Box>
                </Box>
            </CardActionArea>
            <Box sx={{ px: 2, pb: 1.5, minHeight: 24 }} data-testid={`${testId}-oldest`}>
                {queue.oldest && queue.oldestSince ? (
                    <Typography variant="caption" color="text.secondary">
                        {translate('roleDashboard.oldest', { age: age(queue.oldestSince) })}{' '}
                        <MuiLink component={Link} to={`/${itemResource ?? queue.list.resource}/${queue.oldest.id}/show`}>
                            {queue.oldest.label}
                        </MuiLink>
                    </Typography>
                ) : (
                    <Typography variant="caption" color="text.secondary">
                        {translate('roleDashboard.empty')}
                    </Typography>
                )}
            </Box>
        </Card>
    );
};
