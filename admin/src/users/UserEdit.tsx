import { BooleanInput, PasswordInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput, RecordEdit, RecordFormToolbar } from '../common';
import { passwordRules } from './UserCreate';

// Only what an admin may change is sent; an empty password field keeps the current one.
const toUpdate = ({ fullName, role, active, password }: Record<string, any>) => ({
    fullName,
    role,
    active,
    ...(password ? { password } : {}),
});

export const UserEdit = () => (
    <RecordEdit transform={toUpdate} redirect="show">
        <SimpleForm toolbar={<RecordFormToolbar />}>
            <TextInput source="email" disabled />
            <TextInput source="fullName" validate={required()} />
            <EnumInput source="role" enum="Role" validate={required()} />
            <BooleanInput source="active" />
            <PasswordInput
                source="password"
                label="users.newPassword"
                validate={passwordRules}
                autoComplete="new-password"
            />
        </SimpleForm>
    </RecordEdit>
);
