import {
    BooleanField,
    DataTable,
    EmailField,
    Pagination,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
    UrlField,
    useCanAccessResources,
} from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

const related = ['locations', 'offers', 'subscriptions', 'applications'];

export const StructureShow = () => {
    const { canAccess } = useCanAccessResources({ action: 'list', resources: related });
    return (
        <RecordShow>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.identity">
                    <TextField source="name" />
                    <TextField source="siret" />
                    <TextField source="legalForm" />
                    <StatusChip source="status" enum="StructureStatus" />
                    <DateTimeField source="eligibleAt" />
                    <DateTimeField source="suspendedAt" />
                    <TextField source="suspensionReason" emptyText="—" />
                    <TextField source="legalRepName" />
                    <TextField source="legalRepRole" emptyText="—" />
                    <EmailField source="email" />
                    <TextField source="phone" emptyText="—" />
                    <UrlField source="website" emptyText="—" target="_blank" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="tabs.address" path="address">
                    <TextField source="addressLine" />
                    <TextField source="postalCode" />
                    <TextField source="city" />
                    <TextField source="departement" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="tabs.bank" path="bank">
                    <TextField source="bankHolder" />
                    <TextField source="iban" sx={{ fontFamily: 'monospace' }} />
                    <TextField source="bic" sx={{ fontFamily: 'monospace' }} />
                </TabbedShowLayout.Tab>
                {canAccess?.locations && (
                    <TabbedShowLayout.Tab
                        label="resources.locations.name"
                        path="locations"
                        count={<ReferenceManyCount reference="locations" target="structureId" />}
                    >
                        <ReferenceManyField
                            reference="locations"
                            target="structureId"
                            sort={{ field: 'name', order: 'ASC' }}
                            pagination={<Pagination />}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="name" />
                                <DataTable.Col source="addressLine" />
                                <DataTable.Col source="postalCode" />
                                <DataTable.Col source="city" />
                                <DataTable.Col source="active" field={BooleanField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
                {canAccess?.offers && (
                    <TabbedShowLayout.Tab
                        label="resources.offers.name"
                        path="offers"
                        count={<ReferenceManyCount reference="offers" target="structureId" />}
                    >
                        <ReferenceManyField
                            reference="offers"
                            target="structureId"
                            sort={{ field: 'submittedAt', order: 'DESC' }}
                            pagination={<Pagination />}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="title" />
                                <DataTable.Col source="serviceId">
                                    <RefField source="serviceId" reference="referential-services" />
                                </DataTable.Col>
                                <DataTable.Col source="priceCents" field={MoneyField} />
                                <DataTable.Col source="status">
                                    <StatusChip source="status" enum="OfferStatus" />
                                </DataTable.Col>
                                <DataTable.Col source="submittedAt" field={DateTimeField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
                {canAccess?.subscriptions && (
                    <TabbedShowLayout.Tab
                        label="resources.subscriptions.name"
                        path="subscriptions"
                        count={<ReferenceManyCount reference="subscriptions" target="structureId" />}
                    >
                        <ReferenceManyField
                            reference="subscriptions"
                            target="structureId"
                            sort={{ field: 'orderedAt', order: 'DESC' }}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="plan">
                                    <StatusChip source="plan" enum="SubscriptionPlan" color="primary" />
                                </DataTable.Col>
                                <DataTable.Col source="status">
                                    <StatusChip source="status" enum="SubscriptionStatus" />
                                </DataTable.Col>
                                <DataTable.Col source="feeCents" field={MoneyField} />
                                <DataTable.Col source="orderedAt" field={DateTimeField} />
                                <DataTable.Col source="startedAt" field={DateTimeField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
                {canAccess?.applications && (
                    <TabbedShowLayout.Tab
                        label="resources.applications.name"
                        path="applications"
                        count={<ReferenceManyCount reference="applications" target="structureId" />}
                    >
                        <ReferenceManyField
                            reference="applications"
                            target="structureId"
                            sort={{ field: 'submittedAt', order: 'DESC' }}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="reference" />
                                <DataTable.Col source="status">
                                    <StatusChip source="status" enum="ApplicationStatus" />
                                </DataTable.Col>
                                <DataTable.Col source="score" />
                                <DataTable.Col source="submittedAt" field={DateTimeField} />
                                <DataTable.Col source="decidedAt" field={DateTimeField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
