import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A Paris calendar month as its reports ask for it: "AAAA-MM". */
export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The month a report is for, checked as it is typed (the report waits for a valid one). */
export const MonthField = ({ value, onChange, label, testId }: { value: string; onChange: (month: string) => void; label: string; testId: string }) => {
    const translate = useTranslate();
    const valid = isMonth(value);
    return (
        <TextField
            size="small"
            label={translate(label)}
            value={value}
            onChange={event => onChange(event.target.value.trim())}
            error={!valid}
            helperText={valid ? ' ' : translate('endorsements.prepare.format')}
            sx={{ width: 220 }}
            inputProps={{ 'data-testid': testId }}
        />
    );
};
