import { Labeled, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, ResourceNameField, StatusChip, RecordShow } from '../common';
import { ActionField } from './ActionField';
import { AuditDiff } from './AuditDiff';
import { RecordLinkField } from './RecordLinkField';

export const AuditEventShow = () => (
    <RecordShow timeline={false}>
        <SimpleShowLayout>
            <DateTimeField source="createdAt" />
            <TextField source="actorName" />
            <StatusChip source="actorType" enum="ActorType" color="primary" />
            <ActionField source="action" />
            <ResourceNameField source="resource" />
            <RecordLinkField source="recordId" />
            <TextField source="requestId" emptyText="—" />
            <Labeled label="tabs.changes" fullWidth>
                <AuditDiff />
            </Labeled>
        </SimpleShowLayout>
    </RecordShow>
);
