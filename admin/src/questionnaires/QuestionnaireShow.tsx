import { NumberField, TabbedShowLayout, TextField } from 'react-admin';
import {
    DateTimeField,
    DraftNotice,
    PublicationChip,
    PublicationWorkflow,
    RecordShow,
    isDraft,
    useLatestPublished,
} from '../common';
import { QuestionsField } from './QuestionsField';

const State = (_props: { label?: string }) => {
    const inUse = useLatestPublished('questionnaires');
    return <PublicationChip inForceId={inUse?.id} />;
};

export const QuestionnaireShow = () => (
    <RecordShow workflow={<PublicationWorkflow />} editable={isDraft}>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <DraftNotice label={false} />
                <NumberField source="version" />
                <TextField source="title" />
                <State label="publication.state" />
                <NumberField source="threshold" />
                <DateTimeField source="publishedAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.questions" path="questions">
                <QuestionsField source="questions" label={false} />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
