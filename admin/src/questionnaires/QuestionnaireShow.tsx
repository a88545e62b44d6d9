import { NumberField, TabbedShowLayout, TextField } from 'react-admin';
import { DateTimeField, RecordShow } from '../common';
import { QuestionsField } from './QuestionsField';

export const QuestionnaireShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <NumberField source="version" />
                <TextField source="title" />
                <NumberField source="threshold" />
                <DateTimeField source="publishedAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.questions" path="questions">
                <QuestionsField source="questions" label={false} />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
