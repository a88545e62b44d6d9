import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField } from '../common';

export const LocationShow = () => (
    <Show>
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
    </Show>
);
