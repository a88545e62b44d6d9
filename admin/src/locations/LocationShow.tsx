import { BooleanField, NumberField, SimpleShowLayout, TextField } from 'react-admin';
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
            <NumberField source="latitude" emptyText="—" options={{ maximumFractionDigits: 6 }} />
            <NumberField source="longitude" emptyText="—" options={{ maximumFractionDigits: 6 }} />
            <BooleanField source="active" />
            <DateTimeField source="createdAt" />
            <DateTimeField source="updatedAt" />
        </SimpleShowLayout>
    </RecordShow>
);
