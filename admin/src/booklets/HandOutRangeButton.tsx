import { useState } from 'react';
import { Button, Typography } from '@mui/material';
import HandOutIcon from '@mui/icons-material/VolunteerActivism';
import { useMutation } from '@tanstack/react-query';
import { TextInput, required, useDataProvider, useNotify, useRefresh, useTranslate, type Validator } from 'react-admin';
import { ActionDialog, errorMessage, todayInParis, toDay, type FieldValues } from '../common';
import type { AppDataProvider } from '../dataProvider';
import { parseBookletNumber } from '../../../server/src/rules/orders';
import { HandOutInputs } from './HandOutInputs';

const bookletNumber: Validator = (value: unknown) =>
    value == null || value === '' || parseBookletNumber(value) ? undefined : 'booklets.handOut.numberFormat';

/** The range runs forward, within one validity year. */
const rangeInOrder: Validator = (to: unknown, values: FieldValues) => {
    const first = parseBookletNumber(values.from);
    const last = parseBookletNumber(to);
    if (!first || !last) return undefined;
    if (first.year !== last.year) return 'booklets.handOut.sameYear';
    return last.sequence < first.sequence ? 'booklets.handOut.rangeOrder' : undefined;
};

export interface HandOutRangeButtonProps {
    /** Prefilled first and last numbers (an order's own booklets). */
    from?: string;
    to?: string;
}

/**
 * "Remettre une série": booklets from one number to another recorded as handed out, all or none
 * (`POST /api/booklets/hand-out-range`). The server refuses a range with gaps, a booklet already
 * handed out or one of a cancelled order, with its reason; the dialog then stays open.
 */
export const HandOutRangeButton = ({ from, to }: HandOutRangeButtonProps) => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { mutateAsync, isPending } = useMutation({
        mutationKey: ['booklets', 'hand-out-range'],
        mutationFn: (body: Record<string, unknown>) =>
            dataProvider.runResourceAction<{ count: number }>('booklets', { action: 'hand-out-range', data: body }).then(({ data }) => data),
        onSuccess: data => {
            setOpen(false);
            notify('booklets.handOut.rangeDone', { type: 'success', messageArgs: { smart_count: data?.count ?? 0 } });
            refresh();
        },
        onError: error => {
            const message = errorMessage(error);
            notify(message, { type: 'error', messageArgs: { _: message }, autoHideDuration: 10_000 });
        },
    });
    const submit = (values: FieldValues) =>
        mutateAsync({
            from: String(values.from).trim().toUpperCase(),
            to: String(values.to).trim().toUpperCase(),
            handedOutOn: toDay(values.handedOutOn),
            handedOutBy: String(values.handedOutBy ?? '').trim(),
        }).then(
            () => undefined,
            (error: { body?: { errors?: Record<string, unknown> } }) => error?.body?.errors
        );
    return (
        <>
            <Button size="small" variant="outlined" startIcon={<HandOutIcon />} onClick={() => setOpen(true)} data-action="hand-out-range">
                {translate('booklets.handOut.range')}
            </Button>
            <ActionDialog
                open={open}
                title="booklets.handOut.rangeTitle"
                content={<Typography variant="body2">{translate('booklets.handOut.rangeContent')}</Typography>}
                inputs={
                    <>
                        <TextInput source="from" label="booklets.handOut.from" placeholder="C-2026-000010" validate={[required(), bookletNumber]} fullWidth />
                        <TextInput source="to" label="booklets.handOut.to" placeholder="C-2026-000020" validate={[required(), bookletNumber, rangeInOrder]} fullWidth />
                        <HandOutInputs />
                    </>
                }
                confirmLabel="booklets.handOut.confirm"
                defaultValues={{ from: from ?? '', to: to ?? '', handedOutOn: todayInParis(), handedOutBy: '' }}
                isPending={isPending}
                onConfirm={submit}
                onClose={() => setOpen(false)}
            />
        </>
    );
};
