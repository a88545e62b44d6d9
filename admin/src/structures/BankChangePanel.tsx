import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { TextInput, useTranslate } from 'react-admin';
import { ActionButton, useRecordView } from '../common';

interface PendingBankChange {
    id: string;
    bankHolder: string;
    iban: string;
    bic: string;
    requestedByName: string;
    requestedAt: string;
    /** The server's four-eyes rule for this user: ADMIN or FINANCE, not the requester. */
    mayDecide: boolean;
    refusal: string | null;
}

const when = (iso: string) =>
    new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/**
 * "Changement de coordonnées bancaires en attente": the new details asked by one staff member,
 * with Confirmer / Refuser for a second one (ADMIN or FINANCE, not the requester). The structure's
 * own details, which payouts use, stay the old ones until then.
 */
export const BankChangePanel = () => {
    const translate = useTranslate();
    const { data } = useRecordView<{ pending: PendingBankChange | null }>('bank-change');
    const pending = data?.pending;
    if (!pending) return null;
    return (
        <Alert severity="warning" sx={{ mx: 2, mt: 2 }} data-testid="bank-change-panel">
            <AlertTitle>{translate('bankChange.title')}</AlertTitle>
            <Typography variant="body2">
                {translate('bankChange.requested', { name: pending.requestedByName, date: when(pending.requestedAt) })}
            </Typography>
            <Typography variant="body2" sx={{ fontFamily: 'monospace', my: 1 }} data-testid="bank-change-details">
                {pending.bankHolder} · {pending.iban} · {pending.bic}
            </Typography>
            <Typography variant="body2" color="text.secondary">
                {translate('bankChange.meanwhile')}
            </Typography>
            {pending.mayDecide ? (
                <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                    <ActionButton
                        action="confirm-bank-change"
                        label="bankChange.confirm"
                        icon={<CheckIcon />}
                        color="success"
                        successMessage="bankChange.confirmed"
                        dialog={{
                            title: 'bankChange.confirmTitle',
                            content: translate('bankChange.confirmContent'),
                            inputs: <TextInput source="comment" label="bankChange.comment" multiline fullWidth />,
                        }}
                    />
                    <ActionButton
                        action="reject-bank-change"
                        label="bankChange.reject"
                        icon={<CloseIcon />}
                        color="error"
                        successMessage="bankChange.rejected"
                        dialog={{
                            title: 'bankChange.rejectTitle',
                            inputs: <TextInput source="comment" label="bankChange.comment" multiline fullWidth />,
                        }}
                    />
                </Stack>
            ) : (
                <Typography variant="body2" sx={{ mt: 1 }} data-testid="bank-change-not-yours">
                    {pending.refusal}
                </Typography>
            )}
        </Alert>
    );
};
