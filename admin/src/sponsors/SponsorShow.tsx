import {
    DataTable,
    EmailField,
    ReferenceManyCount,
    ReferenceManyField,
    Pagination,
    TabbedShowLayout,
    TextField,
    useCanAccess,
} from 'react-admin';
import { DateTimeField, MoneyField, StatusChip, RecordShow } from '../common';

export const SponsorShow = () => {
    const { canAccess: canReadOrders } = useCanAccess({ resource: 'orders', action: 'list' });
    return (
        <RecordShow>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.identity">
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
                    <TabbedShowLayout.Tab
                        label="resources.orders.name"
                        path="orders"
                        count={<ReferenceManyCount reference="orders" target="sponsorId" />}
                    >
                        <ReferenceManyField
                            reference="orders"
                            target="sponsorId"
                            sort={{ field: 'createdAt', order: 'DESC' }}
                            pagination={<Pagination />}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="reference" />
                                <DataTable.Col source="status">
                                    <StatusChip source="status" enum="OrderStatus" />
                                </DataTable.Col>
                                <DataTable.Col source="bookletCount" />
                                <DataTable.Col source="faceValueCents" field={MoneyField} />
                                <DataTable.Col source="validityYear" />
                                <DataTable.Col source="createdAt" field={DateTimeField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
