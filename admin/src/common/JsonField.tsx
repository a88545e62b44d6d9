import { Box } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A JSON column (questionnaire answers, audit before/after…) pretty-printed. */
export const JsonField = (props: FieldProps) => {
    const value = useFieldValue(props);
    if (value == null) return <span>—</span>;
    return (
        <Box
            component="pre"
            sx={{
                m: 0,
                p: 1,
                fontSize: 12,
                bgcolor: 'action.hover',
                borderRadius: 1,
                overflowX: 'auto',
                maxHeight: 400,
            }}
        >
            {JSON.stringify(value, null, 2)}
        </Box>
    );
};
