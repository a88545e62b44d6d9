import { RecordEdit } from '../common';
import { LocationForm, locationPayload } from './LocationForm';

export const LocationEdit = () => (
    <RecordEdit redirect="show" transform={locationPayload}>
        <LocationForm />
    </RecordEdit>
);
