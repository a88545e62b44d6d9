import { Box, Typography } from '@mui/material';
import { SaveButton, useTranslate, type SaveButtonProps } from 'react-admin';
import { useLockContext } from './useLock';

/**
 * The form's SaveButton, disabled while someone else holds the record's lock, with the reason
 * next to it (the server would answer 409 anyway).
 */
export const LockedSaveButton = (props: SaveButtonProps) => {
    const lock = useLockContext();
    const translate = useTranslate();
    const blocked = !!lock && (lock.isPending || !lock.isMine);
    return (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <SaveButton {...props} disabled={blocked || props.disabled} data-locked={blocked ? 'true' : 'false'} />
            {blocked && lock?.lock && (
                <Typography variant="body2" color="warning.main" data-testid="save-blocked-reason">
                    {translate('realtime.lock.lockedBy', { name: lock.lock.identityName })}
                </Typography>
            )}
        </Box>
    );
};
