import { NumberField, TabbedShowLayout, TextField } from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

export const OfferShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="title" />
                <StatusChip source="status" enum="OfferStatus" />
                <RefField source="structureId" reference="structures" />
                <RefField source="serviceId" reference="referential-services" />
                <RefField source="locationId" reference="locations" />
                <MoneyField source="priceCents" />
                <NumberField source="durationMinutes" />
                <TextField source="description" emptyText="—" />
                <DateTimeField source="submittedAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.moderation" path="moderation">
                <StatusChip source="validation" enum="OfferValidation" />
                <StatusChip source="flags" enum="OfferFlag" color="warning" />
                <TextField source="moderationComment" emptyText="—" />
                <RefField source="moderatedById" reference="staff" link={false} />
                <DateTimeField source="moderatedAt" />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
