import { NumberField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../common';
import { QuestionsField } from './QuestionsField';

export const QuestionnaireShow = () => (
    <Show>
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
    </Show>
);
