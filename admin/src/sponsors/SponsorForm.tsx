import { SimpleForm, TextInput, email, required } from 'react-admin';
import { EnumInput, RecordFormToolbar } from '../common';
import { siret } from '../common/validators';
import { AddressInputs } from '../common/AddressInputs';

/** Shared by SponsorCreate and SponsorEdit. */
export const SponsorForm = () => (
    <SimpleForm toolbar={<RecordFormToolbar />}>
        <TextInput source="name" validate={required()} />
        <EnumInput source="kind" enum="SponsorKind" validate={required()} />
        <TextInput source="siret" validate={[required(), siret()]} />
        <TextInput source="addressLine" validate={required()} />
        <AddressInputs />
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
