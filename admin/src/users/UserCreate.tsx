import { Create, PasswordInput, SimpleForm, TextInput, email, minLength, required } from 'react-admin';
import { EnumInput, RecordFormToolbar } from '../common';

export const passwordRules = [minLength(12, 'users.passwordTooShort')];

export const UserCreate = () => (
    <Create redirect="show">
        <SimpleForm toolbar={<RecordFormToolbar />}>
            <TextInput source="email" type="email" validate={[required(), email()]} />
            <TextInput source="fullName" validate={required()} />
            <EnumInput source="role" enum="Role" validate={required()} />
            <PasswordInput
                source="password"
                validate={[required(), ...passwordRules]}
                helperText="users.passwordHint"
                autoComplete="new-password"
            />
        </SimpleForm>
    </Create>
);
