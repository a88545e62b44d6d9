import {
    ArrayInput,
    NumberInput,
    SimpleForm,
    SimpleFormIterator,
    TextInput,
    minLength,
    minValue,
    regex,
    required,
} from 'react-admin';
import { RecordFormToolbar } from '../common';

const code = regex(/^[A-Z0-9_]{2,40}$/, 'questionnaires.codeFormat');
const value = regex(/^[A-Z0-9_]{1,40}$/, 'questionnaires.codeFormat');

/**
 * A questionnaire draft: its threshold, and questions whose answers each score points. Codes
 * are what applicants send (`answers: { CODE: VALUE }`), so they are upper-case identifiers.
 */
export const QuestionnaireForm = () => (
    <SimpleForm toolbar={<RecordFormToolbar />} defaultValues={{ threshold: 0, questions: [] }}>
        <TextInput source="title" validate={[required(), minLength(3)]} fullWidth />
        <NumberInput source="threshold" validate={[required(), minValue(0)]} step={1} helperText="questionnaires.thresholdHelp" />
        <ArrayInput source="questions" validate={required()}>
            <SimpleFormIterator fullWidth sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 2, mb: 1 } }}>
                <TextInput source="code" label="questionnaires.question.code" validate={[required(), code]} helperText="questionnaires.codeHelp" />
                <TextInput source="label" label="questionnaires.question.label" validate={[required(), minLength(3)]} fullWidth />
                <ArrayInput source="options" label="questionnaires.question.options" validate={required()}>
                    <SimpleFormIterator inline>
                        <TextInput source="value" label="questionnaires.option.value" validate={[required(), value]} helperText={false} />
                        <TextInput source="label" label="questionnaires.option.label" validate={required()} helperText={false} sx={{ minWidth: 280 }} />
                        <NumberInput source="score" label="questionnaires.option.score" validate={[required(), minValue(0)]} step={1} helperText={false} sx={{ width: 110 }} />
                    </SimpleFormIterator>
                </ArrayInput>
            </SimpleFormIterator>
        </ArrayInput>
    </SimpleForm>
);

type Option = { value: string; label: string; score: number };
type Question = { code: string; label: string; options?: Option[] };

/** Only what the server accepts (a clone of a published version carries its id, version, dates). */
export const questionnairePayload = ({ title, threshold, questions }: Record<string, any>) => ({
    title,
    threshold: Number(threshold),
    questions: ((questions ?? []) as Question[]).map(q => ({
        code: q.code,
        label: q.label,
        options: (q.options ?? []).map(o => ({ value: o.value, label: o.label, score: Number(o.score) })),
    })),
});
