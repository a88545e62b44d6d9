import { InputAdornment } from '@mui/material';
import { NumberInput, type NumberInputProps } from 'react-admin';

/** Edits a `…Cents` field in euros (10 → 1000 cents), so staff never type cents. */
export const MoneyInput = (props: NumberInputProps) => (
    <NumberInput
        step={0.01}
        format={(cents?: number | null) => (cents == null ? null : cents / 100)}
        parse={(euros?: string | number | null) =>
            euros == null || euros === '' ? null : Math.round(Number(euros) * 100)
        }
        InputProps={{ endAdornment: <InputAdornment position="end">€</InputAdornment> }}
        {...props}
    />
);
