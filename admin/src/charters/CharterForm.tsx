import { SimpleForm, TextInput, minLength, required } from 'react-admin';
import { RecordFormToolbar } from '../common';

/** A charter draft: a title and its text (paragraphs at blank lines, "# " headings, "- " lists). */
export const CharterForm = () => (
    <SimpleForm toolbar={<RecordFormToolbar />}>
        <TextInput source="title" validate={[required(), minLength(3)]} fullWidth />
        <TextInput
            source="body"
            validate={[required(), minLength(20)]}
            multiline
            minRows={14}
            fullWidth
            helperText="charters.bodyHelp"
        />
    </SimpleForm>
);

export const charterPayload = ({ title, body }: Record<string, any>) => ({ title, body });
