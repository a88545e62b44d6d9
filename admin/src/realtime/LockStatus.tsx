import { useState } from 'react';
import { Alert, Button, Chip } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Confirm, useGetIdentity, useTranslate } from 'react-admin';
import type { LockState } from './useLock';

const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });

/** "En cours de modification par <nom>" as a chip, for show pages and lists. */
export const LockChip = ({ lock }: { lock: LockState }) => {
    const translate = useTranslate();
    if (!lock.lock) return null;
    return (
        <Chip
            data-testid="lock-status"
            icon={<LockIcon />}
            color="warning"
            variant="outlined"
            size="small"
            sx={{ mr: 1 }}
            label={
                lock.isMine
                    ? translate('realtime.lock.mine')
                    : translate('realtime.lock.lockedBy', { name: lock.lock.identityName })
            }
        />
    );
};

/**
 * The lock banner of an edit page (react-admin's LockStatus): who edits the record, why the
 * user cannot save, and for an ADMIN the "Prendre la main" button (with confirmation).
 */
export const LockStatus = ({ lock }: { lock: LockState }) => {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    const [confirming, setConfirming] = useState(false);
    if (lock.isPending) return null;
    if (lock.isMine) {
        return (
            <Alert severity="info" icon={<EditNoteIcon />} data-testid="lock-status" sx={{ mx: 2, mt: 2 }}>
                {translate('realtime.lock.editing')}
            </Alert>
        );
    }
    if (!lock.lock) {
        return (
            <Alert severity="warning" data-testid="lock-status" sx={{ mx: 2, mt: 2 }}>
                {translate('realtime.lock.unavailable')}
            </Alert>
        );
    }
    const canTakeOver = identity?.role === 'ADMIN';
    return (
        <>
            <Alert
                severity="warning"
                icon={<LockIcon />}
                data-testid="lock-status"
                sx={{ mx: 2, mt: 2 }}
                action={
                    canTakeOver ? (
                        <Button color="inherit" size="small" onClick={() => setConfirming(true)}>
                            {translate('realtime.lock.takeOver')}
                        </Button>
                    ) : undefined
                }
            >
                {translate('realtime.lock.lockedBy', { name: lock.lock.identityName })}
                {' — '}
                {translate('realtime.lock.since', { time: time.format(new Date(lock.lock.createdAt)) })}
                {'. '}
                {translate('realtime.lock.cannotSave')}
            </Alert>
            <Confirm
                isOpen={confirming}
                title="realtime.lock.takeOverTitle"
                content="realtime.lock.takeOverContent"
                translateOptions={{ name: lock.lock.identityName }}
                onConfirm={() => {
                    setConfirming(false);
                    void lock.takeOver();
                }}
                onClose={() => setConfirming(false)}
            />
        </>
    );
};
