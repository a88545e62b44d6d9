import { Alert } from '@mui/material';
import { SimpleForm, TextInput, email, required, useTranslate } from 'react-admin';
import * as rules from '../common/validators';
import { RecordEdit, RecordFormToolbar, Section } from '../common';
import { AddressInputs } from '../common/AddressInputs';

/** Note above the bank fields: a change waits for a second person (four eyes). */
const BankNote = () => {
    const translate = useTranslate();
    return (
        <Alert severity="info" sx={{ mb: 1, alignSelf: 'stretch' }} data-testid="bank-four-eyes-note">
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
        <SimpleForm toolbar={<RecordFormToolbar deletable={false} />} sx={{ '& section': { alignSelf: 'stretch' } }}>
            <Section title="tabs.identity">
                <TextInput fullWidth source="name" validate={required()} />
                <TextInput fullWidth source="legalForm" validate={required()} />
                <TextInput fullWidth source="legalRepName" validate={required()} />
                <TextInput fullWidth source="legalRepRole" />
                <TextInput fullWidth source="email" type="email" validate={[required(), email()]} />
                <TextInput fullWidth source="phone" />
                <TextInput fullWidth source="website" validate={rules.webAddress()} />
            </Section>
            <Section title="tabs.address">
                <TextInput fullWidth source="addressLine" validate={required()} />
                <AddressInputs fullWidth />
            </Section>
            <BankNote />
            <Section title="tabs.bank">
                <TextInput fullWidth source="bankHolder" validate={required()} />
                <TextInput fullWidth source="iban" validate={[required(), rules.iban({ keepMasked: true })]} />
                <TextInput fullWidth source="bic" validate={[required(), rules.bic()]} />
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
