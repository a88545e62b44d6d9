import { createElement, useState } from 'react';
import { Collapse, List, ListItemButton, ListItemText } from '@mui/material';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import {
    Menu as RaMenu,
    useCanAccessResources,
    useSidebarState,
    useTranslate,
} from 'react-admin';
import { BadgedResourceItem } from '../realtime/MenuBadge';
import { liveScansPage } from '../scans/live/route';
import { reconciliationPage } from '../reports/route';

/** A page of the menu that is not a resource's list, shown after a resource of its group to those who may read `resource`. */
interface MenuPage {
    path: string;
    label: string;
    icon: React.ComponentType;
    resource: string;
    after: string;
}

/** The menu by business area, in the order work flows through the scheme. */
export const MENU_GROUPS: { label: string; resources: string[]; pages?: MenuPage[] }[] = [
    {
        label: 'menu.eligibility',
        resources: ['applications', 'structures', 'locations', 'charters', 'questionnaires'],
    },
    { label: 'menu.catalogue', resources: ['referential-categories', 'referential-services', 'offers'] },
    // Payments received and sponsor documents are read on each order's page (their own lists at #/sponsor-payments, #/sponsor-documents).
    { label: 'menu.emission', resources: ['sponsors', 'orders', 'booklets', 'passes'] },
    {
        label: 'menu.redemption',
        resources: ['redemptions', 'scans', 'disputes', 'subscriptions'],
        pages: [{ ...liveScansPage, after: 'scans' }],
    },
    { label: 'menu.endorsement', resources: ['endorsements', 'statements', 'payouts'] },
    { label: 'menu.accounting', resources: ['ledger-entries'], pages: [{ ...reconciliationPage, after: 'ledger-entries' }] },
    { label: 'menu.administration', resources: ['users', 'job-runs', 'audit-events'] },
];

// The journal and the books change with every action of everyone, job runs with every chunk of a
// running job: a badge there would never be zero.
const WITHOUT_BADGE = new Set(['audit-events', 'ledger-entries', 'job-runs']);

const ALL_MENU_RESOURCES = MENU_GROUPS.flatMap(group => group.resources);

/** A titled, collapsible group; hidden when the role may read none of its resources. */
const MenuGroup = ({
    label,
    resources,
    pages = [],
    allowed,
}: {
    label: string;
    resources: string[];
    pages?: MenuPage[];
    allowed: string[];
}) => {
    const translate = useTranslate();
    const [sidebarOpen] = useSidebarState();
    const [open, setOpen] = useState(true);
    if (allowed.length === 0) return null;
    return (
        <List disablePadding component="div" data-menu-group={label}>
            {sidebarOpen && (
                <ListItemButton dense onClick={() => setOpen(!open)} sx={{ pt: 1.5, pb: 0.5 }}>
                    <ListItemText
                        primary={translate(label)}
                        slotProps={{
                            primary: {
                                variant: 'overline',
                                color: 'text.secondary',
                                sx: { lineHeight: 1.5, fontWeight: 600 },
                            },
                        }}
                    />
                    {open ? <ExpandLess fontSize="small" /> : <ExpandMore fontSize="small" />}
                </ListItemButton>
            )}
            <Collapse in={open || !sidebarOpen} timeout="auto" unmountOnExit>
                {resources
                    .filter(resource => allowed.includes(resource))
                    .flatMap(resource => [
                        <BadgedResourceItem key={resource} name={resource} badge={!WITHOUT_BADGE.has(resource)} />,
                        ...pages
                            .filter(page => page.after === resource && allowed.includes(page.resource))
                            .map(page => (
                                <RaMenu.Item
                                    key={page.path}
                                    to={page.path}
                                    primaryText={translate(page.label)}
                                    leftIcon={createElement(page.icon)}
                                    data-page={page.path}
                                />
                            )),
                    ])}
            </Collapse>
        </List>
    );
};

export const Menu = () => {
    const { canAccess, isPending } = useCanAccessResources({
        action: 'list',
        resources: ALL_MENU_RESOURCES,
    });
    return (
        <RaMenu>
            <RaMenu.DashboardItem />
            {!isPending &&
                MENU_GROUPS.map(group => (
                    <MenuGroup
                        key={group.label}
                        label={group.label}
                        resources={group.resources}
                        pages={group.pages}
                        allowed={group.resources.filter(resource => canAccess?.[resource])}
                    />
                ))}
        </RaMenu>
    );
};
