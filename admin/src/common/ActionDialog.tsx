import type { ReactNode } from 'react';
import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { Form, RecordContextProvider, useTranslate } from 'react-admin';

/** What an action dialog's inputs hold, by source. */
export type FieldValues = Record<string, any>;

export interface ActionDialogProps {
    open: boolean;
    /** i18n key (or text) of the dialog title. */
    title: string;
    /** What the action does and what follows from it. */
    content?: ReactNode;
    /** react-admin inputs (comment, reason…): their values are what the dialog submits. */
    inputs?: ReactNode;
    confirmLabel?: string;
    confirmColor?: 'primary' | 'success' | 'error' | 'warning' | 'info';
    defaultValues?: FieldValues;
    isPending?: boolean;
    /** May resolve to react-admin's submission errors (`{ field: message }`), shown under the inputs. */
    onConfirm: (values: FieldValues) => void | Promise<Record<string, unknown> | undefined>;
    onClose: () => void;
}

/**
 * The dialog of a workflow action: an explanation, the inputs the server needs (a comment, a
 * reason…), validated before anything is sent, and the confirm button busy while the server works.
 */
export const ActionDialog = ({
    open,
    title,
    content,
    inputs,
    confirmLabel = 'ra.action.confirm',
    confirmColor = 'primary',
    defaultValues,
    isPending = false,
    onConfirm,
    onClose,
}: ActionDialogProps) => {
    const translate = useTranslate();
    return (
        <Dialog open={open} onClose={isPending ? undefined : onClose} fullWidth maxWidth="sm" data-testid="action-dialog">
            {/* The dialog's values are its own: no field of the record around it is pre-filled. */}
            <RecordContextProvider value={undefined}>
                <Form onSubmit={onConfirm} defaultValues={defaultValues} noValidate>
                    <DialogTitle>{translate(title, { _: title })}</DialogTitle>
                    <DialogContent>
                        <Stack spacing={2} sx={{ pt: 0.5 }}>
                            {content}
                            {inputs}
                        </Stack>
                    </DialogContent>
                    <DialogActions sx={{ px: 3, pb: 2 }}>
                        <Button onClick={onClose} disabled={isPending}>
                            {translate('ra.action.cancel')}
                        </Button>
                        <Button
                            type="submit"
                            variant="contained"
                            color={confirmColor}
                            disabled={isPending}
                            startIcon={isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
                            data-testid="action-dialog-confirm"
                        >
                            {translate(confirmLabel, { _: confirmLabel })}
                        </Button>
                    </DialogActions>
                </Form>
            </RecordContextProvider>
        </Dialog>
    );
};
