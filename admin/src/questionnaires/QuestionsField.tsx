import { Box, Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

interface Question {
    code: string;
    label: string;
    options?: { value: string; label: string; score: number }[];
}

/** The questionnaire's questions with each answer and the points it scores. */
export const QuestionsField = (props: FieldProps) => {
    const questions = useFieldValue(props) as Question[] | null | undefined;
    const translate = useTranslate();
    if (!Array.isArray(questions)) return null;
    const maxScore = questions.reduce((sum, q) => sum + Math.max(0, ...(q.options ?? []).map(o => o.score)), 0);
    return (
        <Stack spacing={2} data-testid="questions">
            {questions.map((question, index) => (
                <Box key={question.code ?? index}>
                    <Typography variant="subtitle2">
                        {index + 1}. {question.label}{' '}
                        <Typography component="span" variant="caption" color="text.secondary">
                            ({question.code})
                        </Typography>
                    </Typography>
                    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
                        {(question.options ?? []).map(option => (
                            <Chip
                                key={option.value}
                                size="small"
                                variant="outlined"
                                label={`${option.label} : ${translate('questionnaires.points', { smart_count: option.score })}`}
                            />
                        ))}
                    </Stack>
                </Box>
            ))}
            <Typography variant="body2" color="text.secondary">
                {translate('questionnaires.maxScore', { smart_count: maxScore })}
            </Typography>
        </Stack>
    );
};
