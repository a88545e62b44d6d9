import {
    DataTable,
    EmailField,
    TabbedShowLayout,
    TextField,
    useCanAccess,
} from 'react-admin';
import { DateTimeField, EnumCol, MoneyField, RelatedTab, StatusChip, RecordShow } from '../common';
import { SponsorFollowUp } from './SponsorFollowUp';
import { SponsorReport } from './SponsorReport';

export const SponsorShow = () => {
    const { canAccess: canReadOrders } = useCanAccess({ resource: 'orders', action: 'list' });
    return (
        <RecordShow>
            <TabbedShowLayout>
                {canReadOrders && (
                    <TabbedShowLayout.Tab label="tabs.followUp">
                        <SponsorFollowUp />
                    </TabbedShowLayout.Tab>
                )}
                <TabbedShowLayout.Tab label="tabs.identity" path={canReadOrders ? 'identity' : undefined}>
                    <TextField source="name" />
                    <StatusChip source="kind" enum="SponsorKind" color="primary" />
                    <TextField source="siret" />
                    <TextField source="addressLine" />
                    <TextField source="postalCode" />
                    <TextField source="city" />
                    <TextField source="departement" />
                    <DateTimeField source="createdAt" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="tabs.contact" path="contact">
                    <TextField source="contactName" />
                    <EmailField source="contactEmail" />
                    <TextField source="contactPhone" emptyText="—" />
                </TabbedShowLayout.Tab>
                {canReadOrders && (
                    <RelatedTab reference="orders" target="sponsorId" path="orders" sort={{ field: 'createdAt', order: 'DESC' }}>
                        <DataTable.Col source="reference" />
                        <EnumCol source="status" enum="OrderStatus" />
                        <DataTable.Col source="bookletCount" />
                        <DataTable.Col source="faceValueCents" field={MoneyField} />
                        <DataTable.Col source="validityYear" />
                        <DataTable.Col source="createdAt" field={DateTimeField} />
                    </RelatedTab>
                )}
                {canReadOrders && (
                    <TabbedShowLayout.Tab label="tabs.report" path="report">
                        <SponsorReport />
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
