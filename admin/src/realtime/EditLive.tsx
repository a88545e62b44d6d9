import { useRef, useState } from 'react';
import { Alert, Button } from '@mui/material';
import { useFormState } from 'react-hook-form';
import { useEditContext, useNotify, useRedirect, useTranslate } from 'react-admin';
import { isOwnChange } from './localWrites';
import { useSubscribeToRecord } from './useSubscribe';

/**
 * Keeps an edit form honest while colleagues work (react-admin's EditLive): an untouched form
 * takes the new values at once; a form with unsaved input is not overwritten, the user is
 * warned and chooses to reload. A deleted record sends the user back to the list.
 * Must be rendered inside the form.
 */
export const EditLive = () => {
    const { record, resource, refetch } = useEditContext();
    const { isDirty } = useFormState();
    const dirty = useRef(isDirty);
    dirty.current = isDirty;
    const [changedMeanwhile, setChangedMeanwhile] = useState(false);
    const notify = useNotify();
    const redirect = useRedirect();
    const translate = useTranslate();

    useSubscribeToRecord(
        event => {
            if (event.type === 'deleted') {
                if (isOwnChange(event, resource!, record?.id)) return;
                notify('realtime.record.deleted', { type: 'warning' });
                redirect('list', resource);
                return;
            }
            if (event.type !== 'updated' && event.type !== 'reconnected') return;
            if (isOwnChange(event, resource!, record?.id)) return;
            if (dirty.current) {
                setChangedMeanwhile(true);
                notify('realtime.record.changedWhileEditing', { type: 'warning' });
            } else {
                void refetch();
            }
        },
        resource,
        record?.id
    );

    if (!changedMeanwhile) return null;
    return (
        <Alert
            severity="warning"
            data-testid="edit-live-warning"
            sx={{ flex: 1, ml: 2 }}
            action={
                <Button
                    color="inherit"
                    size="small"
                    onClick={() => {
                        setChangedMeanwhile(false);
                        void refetch();
                    }}
                >
                    {translate('realtime.record.reload')}
                </Button>
            }
        >
            {translate('realtime.record.changedWhileEditing')}
        </Alert>
    );
};
