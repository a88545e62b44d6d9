import { BooleanInput, NumberInput, SimpleForm, TextInput, required } from 'react-admin';
import { DeactivationGuard, RecordFormToolbar } from '../common';

export const CategoryForm = () => (
    <SimpleForm toolbar={<RecordFormToolbar />} defaultValues={{ active: true, position: 0 }}>
        <TextInput source="code" validate={required()} />
        <TextInput source="label" validate={required()} />
        <TextInput source="description" multiline minRows={2} />
        <NumberInput source="position" step={1} />
        <BooleanInput source="active" helperText="referential.category.activeHelp" />
        <DeactivationGuard offersFilter={id => ({ categoryId: id })} message="referential.deactivate.category" />
    </SimpleForm>
);

export const categoryPayload = ({ code, label, description, position, active }: Record<string, any>) => ({
    code,
    label,
    description: description || null,
    position: position ?? 0,
    active: active ?? true,
});
