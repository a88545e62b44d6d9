import { useState } from 'react';
import { Box, Button, Card, CardContent, CardHeader, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import {
    useGetList,
    useGetOne,
    useRecordContext,
    useResourceContext,
    useTranslate,
    type Identifier,
    type RaRecord,
} from 'react-admin';
import { formatDateTime, formatValue } from './format';
import { STAFF_FIELDS, enums, fieldEnum } from '../common/enums';
import { formatCents } from '../common/MoneyField';
import { useSubscribe, useSubscribeToRecord } from './useSubscribe';
import { useChangeRefetch } from './useChangeRefetch';
import { actionLabel } from '../audit-events/ActionField';

type Json = Record<string, unknown> | null | undefined;
const isObject = (value: unknown): value is Record<string, unknown> =>
    value != null && typeof value === 'object' && !Array.isArray(value);

// Technical columns that say nothing to a reader of the history.
const HIDDEN_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'passwordHash']);

const ACTION_COLOURS: Record<string, 'success' | 'error' | 'warning' | 'info' | 'default'> = {
    create: 'success',
    delete: 'error',
    deactivate: 'error',
    reject: 'error',
    suspend: 'error',
    cancel: 'error',
    approve: 'success',
    update: 'info',
};

/** A staff member's id as their name (the staff directory is readable by every role). */
const StaffName = ({ id }: { id: string }) => {
    const { data } = useGetOne('staff', { id });
    return <>{data?.fullName ?? id}</>;
};

/** One value of the history: enum values translated, staff by name, the rest formatted. */
const ChangeValue = ({ resource, field, value }: { resource: string; field: string; value: unknown }) => {
    const translate = useTranslate();
    const enumName = fieldEnum(resource, field);
    if (enumName && value != null) {
        const known = (enums[enumName] as readonly string[]);
        const translateOne = (v: unknown) =>
            typeof v === 'string' && known.includes(v) ? translate(`enums.${enumName}.${v}`, { _: v }) : String(v);
        if (Array.isArray(value)) return <>{value.length ? value.map(translateOne).join(', ') : '∅'}</>;
        return <>{translateOne(value)}</>;
    }
    if (STAFF_FIELDS.has(field) && typeof value === 'string' && value) return <StaffName id={value} />;
    // Money is integer cents in the API: shown in euros ("300,00 €", not 30000).
    if (/Cents$/.test(field) && typeof value === 'number') return <>{formatCents(value)}</>;
    // A small record told with the action (a payment: amount, day, bank reference), field by field.
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        return (
            <>
                {Object.entries(value as Record<string, unknown>).map(([key, inner], index) => (
                    <span key={key}>
                        {index > 0 && ' · '}
                        {translate(`resources.${resource}.fields.${key}`, { _: key })} :{' '}
                        <ChangeValue resource={resource} field={key} value={inner} />
                    </span>
                ))}
            </>
        );
    }
    return <>{formatValue(value, translate('realtime.timeline.yes'), translate('realtime.timeline.no'))}</>;
};

/** One change of a field: "Libellé : avant → après". */
const FieldChange = ({ resource, field, before, after, mode }: {
    resource: string;
    field: string;
    before: unknown;
    after: unknown;
    mode: 'diff' | 'after' | 'before';
}) => {
    const translate = useTranslate();
    return (
        <Box component="li" sx={{ fontSize: 13, lineHeight: 1.5 }} data-testid="timeline-change">
            <Box component="span" sx={{ fontWeight: 600 }}>
                {translate(`resources.${resource}.fields.${field}`, { _: field })}
            </Box>
            {' : '}
            {mode !== 'after' && (
                <Box component="span" sx={mode === 'diff' ? { color: 'text.secondary', textDecoration: 'line-through' } : {}}>
                    <ChangeValue resource={resource} field={field} value={before} />
                </Box>
            )}
            {mode === 'diff' && ' → '}
            {mode !== 'before' && (
                <Box component="span">
                    <ChangeValue resource={resource} field={field} value={after} />
                </Box>
            )}
        </Box>
    );
};

const TimelineEntry = ({ event, resource }: { event: RaRecord; resource: string }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const before = (isObject(event.before) ? event.before : undefined) as Json;
    const after = (isObject(event.after) ? event.after : undefined) as Json;
    const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])).filter(
        key => !HIDDEN_FIELDS.has(key)
    );
    // Updates carry only the changed fields: show them. A creation or deletion carries the
    // whole record: show it on demand.
    const mode: 'diff' | 'after' | 'before' = before && after ? 'diff' : after ? 'after' : 'before';
    // A comment's event carries its text (and the comment's id): show the text, not "2 fields".
    const comment = event.action === 'comment' && typeof after?.body === 'string' ? after.body : undefined;
    const changed = comment !== undefined ? [] : mode === 'diff' ? keys.filter(k => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])) : keys;
    const visible = mode === 'diff' || open ? changed : [];
    const actor =
        event.actorName ??
        translate(`enums.ActorType.${event.actorType}`, { _: event.actorType ?? translate('app.unknown') });
    return (
        <Box
            component="li"
            data-testid="timeline-entry"
            sx={{
                position: 'relative',
                pl: 2.5,
                pb: 2,
                listStyle: 'none',
                '&::before': {
                    content: '""',
                    position: 'absolute',
                    left: 5,
                    top: 6,
                    width: 9,
                    height: 9,
                    borderRadius: '50%',
                    bgcolor: 'primary.main',
                },
                '&:not(:last-of-type)::after': {
                    content: '""',
                    position: 'absolute',
                    left: 9,
                    top: 18,
                    bottom: 0,
                    width: 1,
                    bgcolor: 'divider',
                },
            }}
        >
            <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap' }} useFlexGap>
                <Chip
                    size="small"
                    color={ACTION_COLOURS[event.action] ?? 'default'}
                    variant="outlined"
                    label={actionLabel(translate, event.action)}
                    data-testid="timeline-action"
                />
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {actor}
                </Typography>
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div">
                {formatDateTime(event.createdAt)}
            </Typography>
            {comment !== undefined && (
                <Typography
                    variant="body2"
                    component="blockquote"
                    data-testid="timeline-comment"
                    sx={{ m: 0, mt: 0.5, pl: 1, borderLeft: 2, borderColor: 'divider', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                    {comment}
                </Typography>
            )}
            {visible.length > 0 && (
                <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2 }}>
                    {visible.map(key => (
                        <FieldChange
                            key={key}
                            resource={resource}
                            field={key}
                            before={before?.[key]}
                            after={after?.[key]}
                            mode={mode}
                        />
                    ))}
                </Box>
            )}
            {mode !== 'diff' && changed.length > 0 && (
                <Button size="small" sx={{ px: 0, minWidth: 0 }} onClick={() => setOpen(!open)}>
                    {translate(open ? 'realtime.timeline.hideDetails' : 'realtime.timeline.showDetails', {
                        smart_count: changed.length,
                    })}
                </Button>
            )}
        </Box>
    );
};

/**
 * The history of a record from the audit log (react-admin's RecordTimeline): who did what,
 * when, and what changed field by field; refreshed whenever the record changes.
 */
export const RecordTimeline = ({ resource: resourceProp, id: idProp }: { resource?: string; id?: Identifier }) => {
    const contextResource = useResourceContext();
    const record = useRecordContext();
    const resource = resourceProp ?? contextResource ?? '';
    const recordId = idProp ?? record?.id;
    const translate = useTranslate();
    const enabled = !!resource && recordId != null;
    const { data: events = [], isPending, refetch: refetchNow, isFetching } = useGetList(
        'audit-events',
        {
            filter: { resource, recordId: String(recordId) },
            sort: { field: 'createdAt', order: 'DESC' },
            pagination: { page: 1, perPage: 200 },
        },
        { enabled }
    );
    const refetch = useChangeRefetch(refetchNow, isFetching);
    useSubscribeToRecord(refetch, resource, recordId, { enabled });
    // Every new audit event about this record, comments and workflow actions included.
    useSubscribe(enabled ? `timeline/${resource}/${recordId}` : undefined, refetch, { enabled, onAck: ack => ack.ok && refetch() });
    return (
        <Card data-testid="record-timeline">
            <CardHeader
                title={translate('realtime.timeline.title')}
                slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
                sx={{ pb: 0 }}
            />
            <CardContent>
                {isPending && enabled ? (
                    <CircularProgress size={20} />
                ) : events.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                        {translate('realtime.timeline.empty')}
                    </Typography>
                ) : (
                    <Box component="ol" sx={{ m: 0, p: 0, maxHeight: 560, overflowY: 'auto' }}>
                        {events.map(event => (
                            <TimelineEntry key={event.id} event={event} resource={resource} />
                        ))}
                    </Box>
                )}
            </CardContent>
        </Card>
    );
};
