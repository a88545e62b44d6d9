import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 1000 → "10,00 €". Money is always integer cents in the API. */
export const formatCents = (cents: number | null | undefined): string =>
    cents == null ? '' : euros.format(cents / 100);

/** Displays a `…Cents` field as euros. */
export const MoneyField = (props: FieldProps) => {
    const value = useFieldValue(props) as number | null | undefined;
    return (
        <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
            {value == null ? '—' : formatCents(value)}
        </Typography>
    );
};
