import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';

/** "14 / 10": the questionnaire score against its threshold, green when it passes. */
export const ScoreField = (_props: FieldProps) => {
    const record = useRecordContext();
    if (!record || record.score == null) return null;
    const passes = record.scoreThreshold == null || record.score >= record.scoreThreshold;
    return (
        <Typography component="span" variant="body2" color={passes ? 'success.main' : 'error.main'}>
            {record.score}
            {record.scoreThreshold != null ? ` / ${record.scoreThreshold}` : ''}
        </Typography>
    );
};
