import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** The action code ("approve", "update"…) in words; unknown codes are shown as they are. */
export const ActionField = (props: FieldProps) => {
    const value = useFieldValue(props) as string | undefined;
    const translate = useTranslate();
    if (!value) return null;
    return <Chip size="small" variant="outlined" label={translate(`audit.actions.${value}`, { _: value })} />;
};
