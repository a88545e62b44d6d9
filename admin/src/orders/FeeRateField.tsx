import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 });

/** A rate in basis points shown as a percentage: 400 → "4 %". */
export const FeeRateField = (props: FieldProps) => {
    const value = useFieldValue(props) as number | null | undefined;
    return (
        <Typography component="span" variant="body2">
            {value == null ? '—' : percent.format(value / 10000)}
        </Typography>
    );
};
