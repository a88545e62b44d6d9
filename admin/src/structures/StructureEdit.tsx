import { Alert } from '@mui/material';
import { SimpleForm, TextInput, email, regex, required, useTranslate } from 'react-admin';
import { RecordEdit, RecordFormToolbar, Section } from '../common';

const postalCode = regex(/^\d{5}$/, 'Code postal : 5 chiffres');

/** Note above the bank fields: a change waits for a second person (four eyes). */
const BankNote = () => {
    const translate = useTranslate();
    return (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="bank-four-eyes-note">
            {translate('bankChange.editNote')}
        </Alert>
    );
};

/**
 * Staff corrections of a structure (ADMIN, REVIEWER). SIRET and status belong to the eligibility
 * workflow and are not editable; a changed IBAN, BIC or holder is not applied at once but waits
 * for a second person (ADMIN or FINANCE) on the structure's page.
 */
export const StructureEdit = () => (
    <RecordEdit redirect="show" transform={structurePayload}>
        <SimpleForm toolbar={<RecordFormToolbar />}>
            <Section title="tabs.identity">
                <TextInput source="name" validate={required()} />
                <TextInput source="legalForm" validate={required()} />
                <TextInput source="legalRepName" validate={required()} />
                <TextInput source="legalRepRole" />
                <TextInput source="email" type="email" validate={[required(), email()]} />
                <TextInput source="phone" />
                <TextInput source="website" />
            </Section>
            <Section title="tabs.address">
                <TextInput source="addressLine" validate={required()} />
                <TextInput source="postalCode" validate={[required(), postalCode]} />
                <TextInput source="city" validate={required()} />
                <TextInput source="departement" validate={required()} />
            </Section>
            <Section title="tabs.bank">
                <BankNote />
                <TextInput source="bankHolder" validate={required()} />
                <TextInput source="iban" validate={required()} />
                <TextInput source="bic" validate={required()} />
            </Section>
        </SimpleForm>
    </RecordEdit>
);

const editable = [
    'name',
    'legalForm',
    'legalRepName',
    'legalRepRole',
    'email',
    'phone',
    'website',
    'addressLine',
    'postalCode',
    'city',
    'departement',
    'bankHolder',
    'iban',
    'bic',
] as const;

/** Only what staff may correct is sent (the server drops a masked IBAN sent back unchanged). */
export const structurePayload = (data: Record<string, any>) =>
    Object.fromEntries(editable.map(field => [field, data[field] === '' && optional.has(field) ? null : data[field]]));

const optional = new Set(['legalRepRole', 'phone', 'website']);
