import { RecordEdit } from '../common';
import { QuestionnaireForm, questionnairePayload } from './QuestionnaireForm';

/** Only drafts change; a published version answers 409 and the message says so. */
export const QuestionnaireEdit = () => (
    <RecordEdit redirect="show" transform={questionnairePayload}>
        <QuestionnaireForm />
    </RecordEdit>
);
