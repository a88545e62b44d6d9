import { SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField, ResourceNameField, RecordShow } from '../common';
import { RecordLinkField } from '../audit-events/RecordLinkField';

export const CommentShow = () => (
    <RecordShow>
        <SimpleShowLayout>
            <RefField source="authorId" reference="staff" link={false} />
            <DateTimeField source="createdAt" />
            <ResourceNameField source="resource" />
            <RecordLinkField source="recordId" />
            <TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />
        </SimpleShowLayout>
    </RecordShow>
);
