import { BooleanField, EmailField, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, StatusChip, RecordShow } from '../common';

export const UserShow = () => (
    <RecordShow>
        <SimpleShowLayout>
            <TextField source="fullName" />
            <EmailField source="email" />
            <StatusChip source="role" enum="Role" color="primary" />
            <BooleanField source="active" />
            <DateTimeField source="lastLoginAt" />
            <DateTimeField source="createdAt" />
            <DateTimeField source="updatedAt" />
        </SimpleShowLayout>
    </RecordShow>
);
