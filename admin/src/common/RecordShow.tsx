import type { ReactNode } from 'react';
import { Stack } from '@mui/material';
import {
    EditButton,
    Show,
    TopToolbar,
    useCanAccess,
    useCanAccessResources,
    useRecordContext,
    useResourceContext,
    useResourceDefinition,
    type RaRecord,
    type ShowProps,
} from 'react-admin';
import {
    COMMENTABLE_RESOURCES,
    CommentThread,
    LockChip,
    PresenceAvatars,
    RecordTimeline,
    ShowLive,
    useLock,
} from '../realtime';

/** Who else is on the record, who edits it, and the edit button when the role may write. */
const RecordShowActions = ({ workflow, editable }: { workflow?: ReactNode; editable?: (record: RaRecord) => boolean }) => {
    const resource = useResourceContext();
    const record = useRecordContext();
    const { hasEdit } = useResourceDefinition();
    const { canAccess: canEdit } = useCanAccess({ resource: resource ?? '', action: 'edit', enabled: !!resource });
    const lock = useLock(resource, record?.id, { enabled: !!canEdit });
    return (
        <TopToolbar sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
            <PresenceAvatars />
            {canEdit && <LockChip lock={lock} />}
            {workflow}
            {hasEdit && canEdit && (!editable || (record && editable(record))) && <EditButton />}
        </TopToolbar>
    );
};

/** Comments (on the resources that have them) and the audit history, beside the record. */
const RecordSidePanel = ({ timeline }: { timeline: boolean }) => {
    const resource = useResourceContext() ?? '';
    const record = useRecordContext();
    const { canAccess } = useCanAccessResources({ action: 'list', resources: ['comments', 'audit-events'] });
    if (!record) return null;
    const comments = COMMENTABLE_RESOURCES.includes(resource) && canAccess?.comments;
    const history = timeline && canAccess?.['audit-events'];
    if (!comments && !history) return null;
    return (
        <Stack spacing={2} sx={{ width: { xs: '100%', md: 380 }, flexShrink: 0, ml: { md: 2 }, mt: { xs: 2, md: 0 } }}>
            {comments && <CommentThread />}
            {history && <RecordTimeline />}
        </Stack>
    );
};

export interface RecordShowProps extends ShowProps {
    children: ReactNode;
    /** The audit log's own records have no history of their own. */
    timeline?: boolean;
    /** Workflow buttons of the record (approve, suspend, publish…), beside the edit button. */
    workflow?: ReactNode;
    /** Whether the record may still be edited (e.g. a charter until it is published). */
    editable?: (record: RaRecord) => boolean;
}

/**
 * A Show page of the console: live (refetched when the record changes), with presence, lock
 * status, comments and the record's timeline. Every resource's show screen uses it.
 */
export const RecordShow = ({ children, timeline = true, workflow, editable, ...props }: RecordShowProps) => (
    <Show
        actions={<RecordShowActions workflow={workflow} editable={editable} />}
        aside={<RecordSidePanel timeline={timeline} />}
        // The record takes the room the side panel leaves (long tab bars scroll instead of widening the page).
        sx={{ '& .RaShow-card': { flex: '1 1 0', minWidth: 0, width: 0 } }}
        {...props}
    >
        <ShowLive />
        {children}
    </Show>
);
