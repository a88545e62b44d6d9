import type { ReactNode } from 'react';
import {
    DeleteButton,
    Edit,
    ShowButton,
    Toolbar,
    TopToolbar,
    useEditContext,
    useNotify,
    useRedirect,
    type EditProps,
} from 'react-admin';
import { Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
    EditLive,
    LockContext,
    LockStatus,
    LockedSaveButton,
    PresenceAvatars,
    useIdleTimeout,
    useLock,
    useLockContext,
} from '../realtime';

/** An edit lock left without any input for this long is released (the user goes back to the record). */
export const EDIT_IDLE_MS = 10 * 60 * 1000;

/** Takes the record's edit lock for as long as the page is open, and shares it with the form. */
const EditLock = ({ children }: { children: ReactNode }) => {
    const { record, resource } = useEditContext();
    const notify = useNotify();
    const redirect = useRedirect();
    const lock = useLock(resource, record?.id, {
        acquire: true,
        onLost: by => {
            notify('realtime.lock.takenOver', {
                type: 'warning',
                messageArgs: { name: by?.identityName ?? '?' },
                autoHideDuration: 10_000,
            });
            redirect('show', resource, record?.id);
        },
    });
    useIdleTimeout(
        EDIT_IDLE_MS,
        () => {
            void lock.release();
            notify('realtime.lock.idleReleased', { type: 'info', autoHideDuration: 10_000 });
            redirect('show', resource, record?.id);
        },
        lock.isMine
    );
    return (
        <LockContext.Provider value={lock}>
            <LockStatus lock={lock} />
            {children}
        </LockContext.Provider>
    );
};

const RecordEditActions = () => (
    <TopToolbar sx={{ alignItems: 'center' }}>
        <PresenceAvatars />
        <ShowButton />
    </TopToolbar>
);

/** Back to the record without saving (the lock is released as the page closes). */
const CancelEditButton = () => {
    const { record, resource } = useEditContext();
    const redirect = useRedirect();
    const translate = useTranslate();
    return (
        <Button onClick={() => redirect('show', resource, record?.id)} data-testid="cancel-edit">
            {translate('ra.action.cancel')}
        </Button>
    );
};

/**
 * The toolbar of every form: the save button (blocked while someone else edits the record),
 * and on edit pages cancel, delete (unless `deletable={false}`) and the live warning when the record changes meanwhile.
 */
export const RecordFormToolbar = ({ deletable = true }: { deletable?: boolean }) => {
    const lock = useLockContext();
    return (
        <Toolbar sx={{ gap: 1 }}>
            <LockedSaveButton />
            {lock && <CancelEditButton />}
            {lock && <EditLive />}
            {lock && deletable && (
                <DeleteButton mutationMode="pessimistic" disabled={!lock.isMine} sx={{ ml: 'auto' }} />
            )}
        </Toolbar>
    );
};

/**
 * An Edit page of the console: pessimistic saves, the record's edit lock (taken on arrival,
 * renewed, released on save, cancel, leaving, 10 minutes idle; an ADMIN may take it over),
 * presence, and live updates. Forms use RecordFormToolbar.
 */
export const RecordEdit = ({ children, ...props }: EditProps & { children: ReactNode }) => (
    <Edit mutationMode="pessimistic" redirect="show" actions={<RecordEditActions />} {...props}>
        <EditLock>{children}</EditLock>
    </Edit>
);
