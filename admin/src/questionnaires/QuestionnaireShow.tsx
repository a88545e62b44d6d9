import { Alert } from '@mui/material';
import { CloneButton, NumberField, TabbedShowLayout, TextField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, PublicationChip, PublishButton, RecordShow, isDraft, useLatestPublished } from '../common';
import { QuestionsField } from './QuestionsField';

/** Publish a draft; start the next version from this one (ADMIN). */
const QuestionnaireWorkflow = () => {
    const { canAccess } = useCanAccess({ resource: 'questionnaires', action: 'create' });
    return (
        <>
            <PublishButton />
            {canAccess && <CloneButton label="publication.newVersion" />}
        </>
    );
};

const DraftNotice = (_props: { label?: false }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record || record.publishedAt) return null;
    return <Alert severity="info">{translate('publication.draftNotice')}</Alert>;
};

const State = (_props: { label?: string }) => {
    const inUse = useLatestPublished('questionnaires');
    return <PublicationChip inForceId={inUse?.id} />;
};

export const QuestionnaireShow = () => (
    <RecordShow workflow={<QuestionnaireWorkflow />} editable={isDraft}>
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
