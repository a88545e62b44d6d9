import { useState, type ReactElement } from 'react';
import { Button, CircularProgress, type ButtonProps } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
    useDataProvider,
    useListContext,
    useNotify,
    useRefresh,
    useResourceContext,
    useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { ActionDialog, type FieldValues } from './ActionDialog';
import type { ActionDialogOptions } from './ActionButton';
import { errorMessage } from './ActionButton';
import { useBatchResults } from './BatchResults';

export interface BulkActionButtonProps {
    /** The batch action sent to `POST /api/<resource>/batch` (approve, reject, request-changes). */
    action: string;
    label: string;
    icon?: ReactElement;
    color?: ButtonProps['color'];
    /** Ask first; `%{smart_count}` in the title is the number of selected rows. */
    dialog?: ActionDialogOptions;
    transform?: (values: FieldValues) => Record<string, unknown>;
}

/**
 * A bulk action of a list: one request for the selected rows, each one decided on its own by
 * the server. The summary (BatchResultPanel) lists the failures; the rows that succeeded are
 * unselected, the failed ones still listed stay selected to try again.
 */
export const BulkActionButton = ({ action, label, icon, color = 'primary', dialog, transform = v => v }: BulkActionButtonProps) => {
    const resource = useResourceContext()!;
    const { selectedIds, onSelect, data } = useListContext();
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const { show } = useBatchResults();
    const [open, setOpen] = useState(false);
    const { mutate, isPending } = useMutation({
        mutationKey: [resource, 'batch', action],
        mutationFn: (body: Record<string, unknown>) =>
            dataProvider.runBatch(resource, { action, ids: selectedIds, data: body }).then(({ data }) => data),
        onMutate: () => show(null),
        onSuccess: result => {
            setOpen(false);
            show(result);
            // The failures still on screen stay selected, to try again; one that left the list
            // (decided meanwhile by someone else) would otherwise stay selected unseen.
            const onScreen = new Set((data ?? []).map(record => String(record.id)));
            onSelect(result.results.filter(r => !r.ok && onScreen.has(String(r.id))).map(r => r.id));
            refresh();
        },
        onError: error => {
            const message = errorMessage(error);
            notify(message, { type: 'error', messageArgs: { _: message }, autoHideDuration: 10_000 });
        },
    });
    const run = (values: FieldValues = {}) => mutate(transform(values));
    const count = selectedIds.length;
    return (
        <>
            <Button
                size="small"
                color={color}
                startIcon={isPending && !dialog ? <CircularProgress size={16} color="inherit" /> : icon}
                disabled={isPending || count === 0}
                onClick={() => (dialog ? setOpen(true) : run())}
                data-bulk-action={action}
            >
                {translate(label)}
            </Button>
            {dialog && (
                <ActionDialog
                    open={open}
                    title={translate(dialog.title, { smart_count: count })}
                    content={dialog.content}
                    inputs={dialog.inputs}
                    confirmLabel={dialog.confirmLabel ?? label}
                    confirmColor={color === 'inherit' || color === 'secondary' ? 'primary' : color}
                    defaultValues={dialog.defaultValues}
                    isPending={isPending}
                    onConfirm={run}
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};
