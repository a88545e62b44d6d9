import { Create } from 'react-admin';
import { CharterForm, charterPayload } from './CharterForm';

/** A new draft version (the server numbers it); publishing it is a separate, confirmed step. */
export const CharterCreate = () => (
    <Create redirect="show" transform={charterPayload}>
        <CharterForm />
    </Create>
);
