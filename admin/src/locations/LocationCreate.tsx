import { Create } from 'react-admin';
import { LocationForm, locationPayload } from './LocationForm';

/** ?source={"structureId":…} (from the structure's page) preselects the structure. */
export const LocationCreate = () => (
    <Create redirect="show" transform={locationPayload}>
        <LocationForm create />
    </Create>
);
