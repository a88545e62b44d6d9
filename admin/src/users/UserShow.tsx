import { BooleanField, EmailField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, StatusChip } from '../common';

export const UserShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="fullName" />
            <EmailField source="email" />
            <StatusChip source="role" enum="Role" color="primary" />
            <BooleanField source="active" />
            <DateTimeField source="lastLoginAt" />
            <DateTimeField source="createdAt" />
            <DateTimeField source="updatedAt" />
        </SimpleShowLayout>
    </Show>
);
