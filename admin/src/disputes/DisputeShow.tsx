import { Show, TabbedShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField, StatusChip } from '../common';

export const DisputeShow = () => (
    <Show>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="reference" />
                <StatusChip source="status" enum="DisputeStatus" />
                <StatusChip source="origin" enum="DisputeOrigin" color="primary" />
                <StatusChip source="category" enum="DisputeCategory" color="secondary" />
                <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
                <RefField source="structureId" reference="structures" />
                <RefField source="openedById" reference="users" />
                <RefField source="assigneeId" reference="users" />
                <DateTimeField source="createdAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.resolution" path="resolution">
                <StatusChip source="outcome" enum="DisputeOutcome" />
                <TextField source="resolutionComment" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                <DateTimeField source="resolvedAt" />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </Show>
);
