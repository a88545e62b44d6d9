import { BooleanInput, NumberInput, SimpleForm, TextInput, maxValue, minValue, required } from 'react-admin';
import * as rules from '../common/validators';
import { RecordFormToolbar, RefInput } from '../common';

/** Shared by LocationCreate and LocationEdit; a place stays with its structure once created. */
export const LocationForm = ({ create = false }: { create?: boolean }) => (
    <SimpleForm toolbar={<RecordFormToolbar />}>
        {create && <RefInput source="structureId" reference="structures" validate={required()} />}
        <TextInput source="name" validate={required()} />
        <TextInput source="addressLine" validate={required()} />
        <TextInput source="postalCode" validate={[required(), rules.postalCode()]} />
        <TextInput source="city" validate={required()} />
        <TextInput source="departement" validate={[required(), rules.departement()]} />
        <NumberInput source="latitude" step={0.0001} validate={[minValue(-90), maxValue(90)]} helperText="locations.positionHelp" />
        <NumberInput source="longitude" step={0.0001} validate={[minValue(-180), maxValue(180)]} helperText={false} />
        <BooleanInput source="active" defaultValue={true} />
    </SimpleForm>
);

const editable = ['structureId', 'name', 'addressLine', 'postalCode', 'city', 'departement', 'latitude', 'longitude', 'active'] as const;

export const locationPayload = (data: Record<string, any>) =>
    Object.fromEntries(editable.filter(field => data[field] !== undefined).map(field => [field, data[field]]));
