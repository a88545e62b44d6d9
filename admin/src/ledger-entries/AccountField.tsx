import { Button } from '@mui/material';
import { useListContext, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { RefField } from '../common';

const PARTY = /^(SPONSOR|STRUCTURE):(.+)$/;
const REFERENCE = { SPONSOR: 'sponsors', STRUCTURE: 'structures' } as const;

/**
 * A ledger account by name: "Commanditaire — Ville de Lyon", "Float des pass". A click
 * filters the list on that account (the account's history, its balance by the totals).
 */
export const AccountField = ({ source = 'account' }: FieldProps) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { filterValues, setFilters } = useListContext();
    const account: string | undefined = record?.[source];
    if (!account) return null;
    const party = PARTY.exec(account);
    const label = party
        ? translate(`ledger.accounts.${party[1]}`)
        : translate(`ledger.accounts.${account}`, { _: account });
    return (
        <Button
            size="small"
            variant="text"
            title={translate('ledger.filterOnAccount')}
            data-account={account}
            onClick={event => {
                event.stopPropagation();
                setFilters({ ...filterValues, account }, undefined);
            }}
            sx={{ textTransform: 'none', justifyContent: 'flex-start', textAlign: 'left', p: 0, minWidth: 0, flexWrap: 'wrap', columnGap: 0.5, rowGap: 0 }}
        >
            {label}
            {party && (
                <>
                    {' — '}
                    <RefField
                        record={{ id: party[2], ref: party[2] }}
                        source="ref"
                        reference={REFERENCE[party[1] as keyof typeof REFERENCE]}
                        link={false}
                    />
                </>
            )}
        </Button>
    );
};

/** A transaction id, short; a click shows the whole transaction (its balanced lines). */
export const TransactionField = ({ source = 'transactionId' }: FieldProps) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { filterValues, setFilters } = useListContext();
    const id: string | undefined = record?.[source];
    if (!id) return null;
    return (
        <Button
            size="small"
            variant="text"
            title={translate('ledger.filterOnTransaction')}
            onClick={event => {
                event.stopPropagation();
                setFilters({ ...filterValues, transactionId: id }, undefined);
            }}
            sx={{ textTransform: 'none', fontFamily: 'monospace', p: 0, minWidth: 0 }}
        >
            {id.slice(0, 8)}
        </Button>
    );
};
