import { BooleanField, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField, RecordShow } from '../common';

export const LocationShow = () => (
    <RecordShow>
        <SimpleShowLayout>
            <TextField source="name" />
            <RefField source="structureId" reference="structures" />
            <TextField source="addressLine" />
            <TextField source="postalCode" />
            <TextField source="city" />
            <TextField source="departement" />
            <BooleanField source="active" />
            <DateTimeField source="createdAt" />
            <DateTimeField source="updatedAt" />
        </SimpleShowLayout>
    </RecordShow>
);
