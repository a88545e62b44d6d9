import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField, ResourceNameField } from '../common';
import { RecordLinkField } from '../audit-events/RecordLinkField';

export const CommentShow = () => (
    <Show>
        <SimpleShowLayout>
            <RefField source="authorId" reference="users" />
            <DateTimeField source="createdAt" />
            <ResourceNameField source="resource" />
            <RecordLinkField source="recordId" />
            <TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />
        </SimpleShowLayout>
    </Show>
);
