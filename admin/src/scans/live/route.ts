import LiveIcon from '@mui/icons-material/Sensors';

/** The live scan feed: a page of its own (SPEC §4 "Console"), listed in the menu beside the scans. */
export const liveScansPage = {
    path: '/live-scans',
    label: 'liveScans.menu',
    icon: LiveIcon,
    /** Shown to the roles that may read this resource (the gateway checks the same for scans/live). */
    resource: 'scans',
};
