import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, CircularProgress, type ButtonProps } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    useResourceContext,
    useTranslate,
} from 'react-admin';
import type { ActionResult, AppDataProvider } from '../dataProvider';
import { ActionDialog, type FieldValues } from './ActionDialog';

export interface ActionDialogOptions {
    title: string;
    content?: ReactNode;
    inputs?: ReactNode;
    confirmLabel?: string;
    defaultValues?: FieldValues;
}

export interface ActionButtonProps {
    /** The action of `POST /api/<resource>/:id/<action>`. */
    action: string;
    /** i18n key of the button. */
    label: string;
    icon?: ReactElement;
    color?: ButtonProps['color'];
    variant?: ButtonProps['variant'];
    /** Ask first (and collect a comment, a reason…); without it the button acts at once. */
    dialog?: ActionDialogOptions;
    /** The request body from the dialog's values (default: the values as they are). */
    transform?: (values: FieldValues) => Record<string, unknown>;
    /** i18n key of the success message (default `actions.done`). */
    successMessage?: string;
    /** Called with the server's answer (the updated record, a one-time key…). */
    onSuccess?: (result: ActionResult) => void;
    disabled?: boolean;
    resource?: string;
}

/** Keeps the server's explanation (409: someone else claimed it, the record is locked…). */
export const errorMessage = (error: unknown): string =>
    (error as { message?: string })?.message || 'ra.notification.http_error';

/**
 * A workflow button of a record page: calls `POST /api/<resource>/:id/<action>` through the
 * data provider's `runAction`, pessimistically (the page changes only once the server agreed),
 * then refreshes the record. Errors show the server's message and leave the dialog open.
 */
export const ActionButton = ({
    action,
    label,
    icon,
    color = 'primary',
    variant = 'outlined',
    dialog,
    transform = values => values,
    successMessage = 'actions.done',
    onSuccess,
    disabled,
    ...props
}: ActionButtonProps) => {
    const resource = useResourceContext(props);
    const record = useRecordContext();
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { mutate, mutateAsync, isPending } = useMutation({
        mutationKey: [resource, 'action', action, record?.id],
        mutationFn: (body: Record<string, unknown>) =>
            dataProvider.runAction(resource!, { id: record!.id, action, data: body }).then(({ data }) => data),
        // Options of the hook (not of mutate): they run even if the button is gone by then,
        // e.g. hidden because the record's new status no longer allows the action.
        onSuccess: data => {
            setOpen(false);
            notify(successMessage, { type: 'success', messageArgs: { _: translate('actions.done') } });
            onSuccess?.(data);
            refresh();
        },
        onError: error => {
            const message = errorMessage(error);
            notify(message, { type: 'error', messageArgs: { _: message }, autoHideDuration: 10_000 });
        },
    });
    if (!record || !resource) return null;
    const run = (values: FieldValues = {}) => mutate(transform(values));
    // From the dialog: the server's per-field refusals (body.errors) go back to its form, under the inputs.
    const submit = (values: FieldValues) =>
        mutateAsync(transform(values)).then(
            () => undefined,
            (error: { body?: { errors?: Record<string, unknown> } }) => error?.body?.errors
        );
    return (
        <>
            <Button
                size="small"
                variant={variant}
                color={color}
                startIcon={isPending && !dialog ? <CircularProgress size={16} color="inherit" /> : icon}
                disabled={disabled || isPending}
                onClick={() => (dialog ? setOpen(true) : run())}
                data-action={action}
            >
                {translate(label)}
            </Button>
            {dialog && (
                <ActionDialog
                    open={open}
                    title={dialog.title}
                    content={dialog.content}
                    inputs={dialog.inputs}
                    confirmLabel={dialog.confirmLabel ?? label}
                    confirmColor={color === 'inherit' || color === 'secondary' ? 'primary' : color}
                    defaultValues={dialog.defaultValues}
                    isPending={isPending}
                    onConfirm={submit}
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};
