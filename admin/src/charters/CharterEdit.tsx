import { RecordEdit } from '../common';
import { CharterForm, charterPayload } from './CharterForm';

/** Only drafts change; a published version answers 409 and the message says so. */
export const CharterEdit = () => (
    <RecordEdit redirect="show" transform={charterPayload}>
        <CharterForm />
    </RecordEdit>
);
