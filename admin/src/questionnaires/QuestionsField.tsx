import { Box, Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

interface Question {
    code: string;
    label: string;
    options?: { value: string; label: string; score: number }[];
}

/** The questionnaire's questions with each answer and the points it scores. */
export const QuestionsField = (props: FieldProps) => {
    const questions = useFieldValue(props) as Question[] | null | undefined;
    if (!Array.isArray(questions)) return null;
    return (
        <Stack spacing={2}>
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
                                label={`${option.label} : ${option.score} pt${Math.abs(option.score) > 1 ? 's' : ''}`}
                            />
                        ))}
                    </Stack>
                </Box>
            ))}
        </Stack>
    );
};
