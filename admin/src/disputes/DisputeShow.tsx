import { TabbedShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField, StatusChip, RecordShow } from '../common';
import { DisputeWorkflow } from './DisputeWorkflow';
import { DisputeInvestigation } from './DisputeInvestigation';

export const DisputeShow = () => (
    <RecordShow workflow={<DisputeWorkflow />}>
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
            <TabbedShowLayout.Tab label="tabs.investigation" path="investigation">
                <DisputeInvestigation />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.resolution" path="resolution">
                <StatusChip source="outcome" enum="DisputeOutcome" />
                <TextField source="resolutionComment" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                <TextField source="resolvedByName" emptyText="—" />
                <DateTimeField source="resolvedAt" />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
