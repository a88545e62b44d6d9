import { useState } from 'react';
import { Button, Typography } from '@mui/material';
import DisputeIcon from '@mui/icons-material/ReportProblem';
import { useMutation } from '@tanstack/react-query';
import { TextInput, maxLength, minLength, required, useCanAccess, useDataProvider, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { ActionDialog, EnumInput, errorMessage, type FieldValues } from '../common';

export interface DisputeSubject {
    scanIds?: string[];
    passIds?: string[];
    redemptionId?: string;
    structureId?: string;
}

/**
 * « Ouvrir un litige » from a scan, a pass, a redemption or a structure page: origin, category and
 * what happened; the server takes the scans and passes from the page's record. The new dispute's
 * page opens (its accepted scans are held out of endorsement from now on).
 */
export const OpenDisputeButton = ({ subject, what }: { subject: DisputeSubject; what: string }) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider();
    const notify = useNotify();
    const redirect = useRedirect();
    const [open, setOpen] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'disputes', action: 'create' });
    const { mutateAsync, isPending } = useMutation({
        mutationFn: (values: FieldValues) => dataProvider.create('disputes', { data: { ...values, ...subject } }).then(({ data }) => data),
        onSuccess: data => {
            setOpen(false);
            notify('disputes.open.done', { type: 'success', messageArgs: { reference: data.reference } });
            redirect('show', 'disputes', data.id);
        },
        onError: error => {
            const message = errorMessage(error);
            notify(message, { type: 'error', messageArgs: { _: message }, autoHideDuration: 10_000 });
        },
    });
    if (!canAccess) return null;
    return (
        <>
            <Button size="small" variant="outlined" color="warning" startIcon={<DisputeIcon />} onClick={() => setOpen(true)} data-action="open-dispute">
                {translate('disputes.open.button')}
            </Button>
            <ActionDialog
                open={open}
                title="disputes.open.title"
                content={<Typography variant="body2">{translate('disputes.open.content', { what })}</Typography>}
                inputs={
                    <>
                        <EnumInput source="origin" enum="DisputeOrigin" label="resources.disputes.fields.origin" validate={required()} fullWidth />
                        <EnumInput source="category" enum="DisputeCategory" label="resources.disputes.fields.category" validate={required()} fullWidth />
                        <TextInput
                            source="description"
                            label="resources.disputes.fields.description"
                            helperText="disputes.open.descriptionHelp"
                            multiline
                            minRows={3}
                            fullWidth
                            validate={[required(), minLength(10), maxLength(4000)]}
                        />
                    </>
                }
                confirmLabel="disputes.open.confirm"
                confirmColor="warning"
                isPending={isPending}
                onConfirm={values => mutateAsync(values).then(() => undefined, (error: { body?: { errors?: Record<string, unknown> } }) => error?.body?.errors)}
                onClose={() => setOpen(false)}
            />
        </>
    );
};

const SUBJECT = {
    scan: (id: string) => ({ scanIds: [id] }),
    pass: (id: string) => ({ passIds: [id] }),
    redemption: (id: string) => ({ redemptionId: id }),
    structure: (id: string) => ({ structureId: id }),
} as const;

/** « Ouvrir un litige » about the record of the page (a scan, a pass, a redemption, a structure). */
export const OpenDisputeFromRecord = ({ kind }: { kind: keyof typeof SUBJECT }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return <OpenDisputeButton subject={SUBJECT[kind](String(record.id))} what={translate(`disputes.what.${kind}`)} />;
};
