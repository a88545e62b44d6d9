import { Create } from 'react-admin';
import { QuestionnaireForm, questionnairePayload } from './QuestionnaireForm';

export const QuestionnaireCreate = () => (
    <Create redirect="show" transform={questionnairePayload}>
        <QuestionnaireForm />
    </Create>
);
