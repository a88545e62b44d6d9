import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';

/** A resource code name ("structures") shown as its translated name ("Structure"). */
export const ResourceNameField = (props: FieldProps) => {
    const value = useFieldValue(props) as string | undefined;
    const translate = useTranslate();
    if (!value) return null;
    return (
        <Typography component="span" variant="body2">
            {translate(`resources.${value}.name`, { smart_count: 1, _: value })}
        </Typography>
    );
};
