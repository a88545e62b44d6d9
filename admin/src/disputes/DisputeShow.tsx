import { TabbedShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField, StatusChip, RecordShow } from '../common';

export const DisputeShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="reference" />
                <StatusChip source="status" enum="DisputeStatus" />
                <StatusChip source="origin" enum="DisputeOrigin" color="primary" />
                <StatusChip source="category" enum="DisputeCategory" color="secondary" />
                <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
                <RefField source="structureId" reference="structures" />
                <RefField source="openedById" reference="staff" link={false} />
                <RefField source="assigneeId" reference="staff" link={false} />
                <DateTimeField source="createdAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.resolution" path="resolution">
                <StatusChip source="outcome" enum="DisputeOutcome" />
                <TextField source="resolutionComment" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                <DateTimeField source="resolvedAt" />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
