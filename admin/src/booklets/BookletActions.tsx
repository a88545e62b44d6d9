import HandOutIcon from '@mui/icons-material/VolunteerActivism';
import CancelIcon from '@mui/icons-material/Block';
import { Typography } from '@mui/material';
import { TextInput, minLength, required, useCanAccess, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, DownloadButton, todayInParis, toDay } from '../common';
import { HandOutInputs } from './HandOutInputs';

/**
 * What the booklet's passes still allow (a booklet has no state of its own): handing out while
 * some are not cancelled (inactive or active), cancelling while some are active, printing its
 * sheet while none is cancelled (the server refuses it otherwise).
 */
const useBookletPasses = () => {
    const record = useRecordContext();
    const { data, isPending } = useGetList(
        'passes',
        { filter: { bookletId: record?.id }, pagination: { page: 1, perPage: 50 }, sort: { field: 'barcode', order: 'ASC' } },
        { enabled: !!record }
    );
    return {
        isPending,
        usable: (data ?? []).some(pass => pass.status === 'INACTIVE' || pass.status === 'ACTIVE'),
        active: (data ?? []).some(pass => pass.status === 'ACTIVE'),
        printable: (data ?? []).length > 0 && !(data ?? []).some(pass => pass.status === 'CANCELLED'),
    };
};

/** "Remettre": one booklet recorded as handed out to a beneficiary (date and who). */
export const HandOutBookletButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'booklets', action: 'edit' });
    const { usable } = useBookletPasses();
    if (!record || !canAccess || record.handedOutAt || !usable) return null;
    return (
        <ActionButton
            action="hand-out"
            label="booklets.handOut.one"
            icon={<HandOutIcon />}
            successMessage="booklets.handOut.done"
            transform={values => ({ handedOutOn: toDay(values.handedOutOn), handedOutBy: String(values.handedOutBy ?? '').trim() })}
            dialog={{
                title: 'booklets.handOut.oneTitle',
                content: <Typography variant="body2">{translate('booklets.handOut.oneContent', { number: record.number })}</Typography>,
                inputs: <HandOutInputs />,
                defaultValues: { handedOutOn: todayInParis(), handedOutBy: '' },
                confirmLabel: 'booklets.handOut.confirm',
            }}
        />
    );
};

/** "Annuler le carnet" (lost or stolen): its active passes are cancelled, their value credited back. */
export const CancelBookletButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'booklets', action: 'edit' });
    const { active } = useBookletPasses();
    if (!record || !canAccess || !active) return null;
    return (
        <ActionButton
            action="cancel"
            label="booklets.cancel.button"
            icon={<CancelIcon />}
            color="error"
            successMessage="booklets.cancel.done"
            dialog={{
                title: 'booklets.cancel.title',
                content: <Typography variant="body2">{translate('booklets.cancel.content', { number: record.number })}</Typography>,
                inputs: <TextInput source="reason" label="booklets.cancel.reason" multiline minRows={2} fullWidth validate={[required(), minLength(3)]} />,
                confirmLabel: 'booklets.cancel.confirm',
            }}
        />
    );
};

/** The booklet's sheet to print (PDF with its passes' barcodes; each print is in the journal): ADMIN and FINANCE. */
export const BookletSheetButton = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'booklets', action: 'edit' });
    const { printable } = useBookletPasses();
    if (!record || !canAccess || !printable) return null;
    return <DownloadButton path={`booklets/${record.id}/sheet.pdf`} filename={`carnet-${record.number}.pdf`} label="booklets.sheet" />;
};

export const BookletWorkflow = () => (
    <>
        <BookletSheetButton />
        <HandOutBookletButton />
        <CancelBookletButton />
    </>
);
