import { BooleanInput, NumberInput, SimpleForm, TextInput, maxValue, minValue, required } from 'react-admin';
import { RecordFormToolbar, RefInput } from '../common';
import { AddressInputs } from '../common/AddressInputs';

/** Shared by LocationCreate and LocationEdit; a place stays with its structure once created. */
export const LocationForm = ({ create = false }: { create?: boolean }) => (
    <SimpleForm toolbar={<RecordFormToolbar />}>
        {create && <RefInput source="structureId" reference="structures" validate={required()} />}
        <TextInput source="name" validate={required()} />
        <TextInput source="addressLine" validate={required()} />
        <AddressInputs />
        <NumberInput source="latitude" step={0.0001} validate={[minValue(-90), maxValue(90)]} helperText="locations.positionHelp" />
        <NumberInput source="longitude" step={0.0001} validate={[minValue(-180), maxValue(180)]} helperText={false} />
        <BooleanInput source="active" defaultValue={true} />
    </SimpleForm>
);

const editable = ['structureId', 'name', 'addressLine', 'postalCode', 'city', 'departement', 'latitude', 'longitude', 'active'] as const;

export const locationPayload = (data: Record<string, any>) =>
    Object.fromEntries(editable.filter(field => data[field] !== undefined).map(field => [field, data[field]]));
