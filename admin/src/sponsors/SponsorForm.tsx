import { SimpleForm, TextInput, email, required } from 'react-admin';
import { EnumInput, RecordFormToolbar } from '../common';
import { departement, postalCode, siret } from '../common/validators';

/** Shared by SponsorCreate and SponsorEdit. */
export const SponsorForm = () => (
    <SimpleForm toolbar={<RecordFormToolbar />}>
        <TextInput source="name" validate={required()} />
        <EnumInput source="kind" enum="SponsorKind" validate={required()} />
        <TextInput source="siret" validate={[required(), siret()]} />
        <TextInput source="addressLine" validate={required()} />
        <TextInput source="postalCode" validate={[required(), postalCode()]} />
        <TextInput source="city" validate={required()} />
        <TextInput source="departement" validate={[required(), departement()]} />
        <TextInput source="contactName" validate={required()} />
        <TextInput source="contactEmail" type="email" validate={[required(), email()]} />
        <TextInput source="contactPhone" />
    </SimpleForm>
);

const editable = [
    'name',
    'kind',
    'siret',
    'addressLine',
    'postalCode',
    'city',
    'departement',
    'contactName',
    'contactEmail',
    'contactPhone',
] as const;

/** Only the sponsor's own fields are sent (no id or timestamps). */
export const sponsorPayload = (data: Record<string, any>) =>
    Object.fromEntries(editable.map(field => [field, data[field] === '' ? null : data[field]]));
