import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, ResourceNameField, StatusChip } from '../common';
import { ActionField } from './ActionField';
import { AuditDiff } from './AuditDiff';
import { RecordLinkField } from './RecordLinkField';

export const AuditEventShow = () => (
    <Show>
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
    </Show>
);
