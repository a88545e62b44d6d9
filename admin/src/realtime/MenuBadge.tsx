import { createElement, useEffect } from 'react';
import { Badge } from '@mui/material';
import DefaultIcon from '@mui/icons-material/ViewList';
import { Menu, useDataProvider, useResourceDefinitions, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { countChange, getLastSeen, setInitialCount, useBadgeCount } from './badges';
import { useSubscribeToRecordList } from './useSubscribe';
import { isOwnChange } from './localWrites';

// Models without a `createdAt` column: their badge counts live events only.
const WITHOUT_CREATED_AT = new Set(['charter-signatures', 'scans']);

/**
 * Counts what changed in a resource since the user last opened its list: records created
 * since then (asked once to the API), plus live `created`/`updated` events.
 */
export const useMenuBadge = (resource: string, enabled = true): number => {
    const dataProvider = useDataProvider<AppDataProvider>();
    useEffect(() => {
        if (!enabled || WITHOUT_CREATED_AT.has(resource)) return;
        let cancelled = false;
        dataProvider
            .getList(resource, {
                pagination: { page: 1, perPage: 1 },
                sort: { field: 'createdAt', order: 'DESC' },
                filter: { createdAt_gte: getLastSeen(resource) },
            })
            .then(({ total }) => {
                if (!cancelled && total) setInitialCount(resource, total);
            })
            .catch(() => undefined);
        return () => {
            cancelled = true;
        };
    }, [dataProvider, resource, enabled]);
    useSubscribeToRecordList(
        event => {
            if (event.type !== 'created' && event.type !== 'updated') return;
            // The user's own changes in this tab are not news to them.
            const ids: unknown[] = (event.payload?.ids ?? []).filter((id: unknown) => !isOwnChange(event, resource, id));
            if (ids.length > 0) countChange(resource, ids);
        },
        resource,
        { enabled }
    );
    return useBadgeCount(resource);
};

/** A count over an icon, hidden at zero. */
export const MenuBadge = ({ count, children }: { count: number; children: React.ReactNode }) => {
    const translate = useTranslate();
    if (!count) return <>{children}</>;
    return (
        <Badge
            badgeContent={count}
            max={99}
            color="secondary"
            data-testid="menu-badge"
            title={translate('realtime.badge', { smart_count: count })}
        >
            {children}
        </Badge>
    );
};

/** The menu item of a resource, with the badge of what changed since the user last looked. */
export const BadgedResourceItem = ({ name, badge = true }: { name: string; badge?: boolean }) => {
    const resources = useResourceDefinitions();
    const count = useMenuBadge(name, badge);
    const icon = resources[name]?.icon;
    return (
        <Menu.ResourceItem
            name={name}
            data-resource={name}
            leftIcon={<MenuBadge count={count}>{icon ? createElement(icon) : <DefaultIcon />}</MenuBadge>}
        />
    );
};
