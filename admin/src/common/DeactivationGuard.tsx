import { useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Confirm, useGetList, useRecordContext, useTranslate } from 'react-admin';

/** Offers still in the catalogue, which a deactivation sends back to moderation. */
const LIVE_OFFER_STATUSES = ['APPROVED', 'PENDING_REVIEW', 'CHANGES_REQUESTED'];

/**
 * Asks before a referential entry is switched off: its offers go back to the moderation queue
 * (flag REFERENTIAL_INACTIVE). Cancelling switches it back on. Place it inside the form.
 */
export const DeactivationGuard = ({ offersFilter, message }: { offersFilter: (id: string) => Record<string, unknown>; message: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { setValue } = useFormContext();
    const active = useWatch({ name: 'active' });
    const previous = useRef(active);
    const [open, setOpen] = useState(false);
    const { total } = useGetList(
        'offers',
        {
            filter: { ...offersFilter(String(record?.id)), status: LIVE_OFFER_STATUSES },
            pagination: { page: 1, perPage: 1 },
        },
        { enabled: !!record?.id && record.active === true }
    );
    useEffect(() => {
        // Only the switch from on to off of a saved, active record needs a confirmation.
        if (previous.current === true && active === false && record?.active === true) setOpen(true);
        previous.current = active;
    }, [active, record?.active]);
    return (
        <Confirm
            isOpen={open}
            title="referential.deactivate.title"
            content={translate(message, { smart_count: total ?? 0 })}
            confirm="referential.deactivate.confirm"
            confirmColor="warning"
            onConfirm={() => setOpen(false)}
            onClose={() => {
                setOpen(false);
                setValue('active', true, { shouldDirty: true });
            }}
        />
    );
};
