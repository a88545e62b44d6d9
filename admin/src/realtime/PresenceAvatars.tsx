import { useState } from 'react';
import { Avatar, AvatarGroup, Stack, Tooltip, Typography } from '@mui/material';
import { useGetIdentity, useRecordContext, useResourceContext, useTranslate, type Identifier } from 'react-admin';
import { useSubscribe } from './useSubscribe';
import { presenceTopic, type Viewer } from './types';

const PALETTE = ['#1565c0', '#6a1b9a', '#2e7d32', '#c62828', '#ef6c00', '#00838f', '#4e342e', '#ad1457'];

export const initialsOf = (name: string) =>
    name
        .split(/[\s-]+/)
        .filter(Boolean)
        .slice(0, 2)
        .map(part => part[0]!.toUpperCase())
        .join('');

export const colourOf = (key: string) =>
    PALETTE[Array.from(key).reduce((sum, c) => sum + c.charCodeAt(0), 0) % PALETTE.length];

const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });

/** Who is looking at this record (presence/<resource>/<id>); subscribing marks the user present. */
export const usePresence = (resource?: string, id?: Identifier): Viewer[] => {
    const [viewers, setViewers] = useState<Viewer[]>([]);
    useSubscribe(
        resource && id != null ? presenceTopic(resource, id) : undefined,
        event => {
            if (event.type === 'presence') setViewers((event.payload?.viewers ?? []) as Viewer[]);
        },
        { onAck: ack => ack.viewers && setViewers(ack.viewers) }
    );
    return viewers;
};

/** Avatars of the other staff on this record, with their name, role and since when in a tooltip. */
export const PresenceAvatars = ({ resource: resourceProp, id: idProp }: { resource?: string; id?: Identifier }) => {
    const contextResource = useResourceContext();
    const record = useRecordContext();
    const resource = resourceProp ?? contextResource;
    const id = idProp ?? record?.id;
    const viewers = usePresence(resource, id);
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    const others = viewers.filter(viewer => viewer.userId !== String(identity?.id));
    if (others.length === 0) return null;
    return (
        <Stack direction="row" spacing={1} alignItems="center" data-testid="presence" sx={{ mr: 1 }}>
            <Typography variant="caption" color="text.secondary">
                {translate('realtime.presence.label', { smart_count: others.length })}
            </Typography>
            <AvatarGroup max={5} sx={{ '& .MuiAvatar-root': { width: 30, height: 30, fontSize: 13 } }}>
                {others.map(viewer => (
                    <Tooltip
                        key={viewer.userId}
                        title={translate('realtime.presence.tooltip', {
                            name: viewer.fullName,
                            role: translate(`enums.Role.${viewer.role}`, { _: viewer.role }),
                            since: viewer.since ? time.format(new Date(viewer.since)) : '',
                        })}
                    >
                        <Avatar
                            data-testid="presence-avatar"
                            aria-label={viewer.fullName}
                            sx={{ bgcolor: colourOf(viewer.userId) }}
                        >
                            {initialsOf(viewer.fullName)}
                        </Avatar>
                    </Tooltip>
                ))}
            </AvatarGroup>
        </Stack>
    );
};
