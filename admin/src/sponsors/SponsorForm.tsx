import { SimpleForm, TextInput, email, regex, required } from 'react-admin';
import { EnumInput, RecordFormToolbar } from '../common';

const siret = regex(/^\d{14}$/, 'SIRET : 14 chiffres');
const postalCode = regex(/^\d{5}$/, 'Code postal : 5 chiffres');

/** Shared by SponsorCreate and SponsorEdit. */
export const SponsorForm = () => (
    <SimpleForm toolbar={<RecordFormToolbar />}>
        <TextInput source="name" validate={required()} />
        <EnumInput source="kind" enum="SponsorKind" validate={required()} />
        <TextInput source="siret" validate={[required(), siret]} />
        <TextInput source="addressLine" validate={required()} />
        <TextInput source="postalCode" validate={[required(), postalCode]} />
        <TextInput source="city" validate={required()} />
        <TextInput source="departement" validate={required()} />
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
