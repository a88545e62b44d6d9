import { BooleanInput, SimpleForm, TextInput, required } from 'react-admin';
import { DeactivationGuard, MoneyInput, RefInput, RecordFormToolbar } from '../common';

export const ServiceForm = () => (
    <SimpleForm toolbar={<RecordFormToolbar />} defaultValues={{ active: true, recommendedPriceCents: 1000 }}>
        <TextInput source="code" validate={required()} />
        <RefInput source="categoryId" reference="referential-categories" validate={required()} />
        <TextInput source="label" validate={required()} />
        <TextInput source="description" multiline minRows={2} />
        <MoneyInput source="recommendedPriceCents" validate={required()} />
        <BooleanInput source="active" helperText="referential.service.activeHelp" />
        <DeactivationGuard offersFilter={id => ({ serviceId: id })} message="referential.deactivate.service" />
    </SimpleForm>
);

export const servicePayload = ({
    code,
    categoryId,
    label,
    description,
    recommendedPriceCents,
    active,
}: Record<string, any>) => ({
    code,
    categoryId,
    label,
    description: description || null,
    recommendedPriceCents,
    active: active ?? true,
});
