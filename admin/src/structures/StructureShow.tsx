import { Box, Stack, Typography } from '@mui/material';
import {
    BooleanField,
    DataTable,
    EmailField,
    Labeled,
    Pagination,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
    UrlField,
    useCanAccess,
    useCanAccessResources,
    useTranslate,
} from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';
import { ApiKeysPanel } from './ApiKeysPanel';
import { CharterResignatureChip } from './CharterResignatureChip';
import { CharterVersionField } from './CharterVersionField';
import { ReinstateButton, SuspendButton } from './SuspendButton';

const related = ['locations', 'offers', 'subscriptions', 'applications', 'charter-signatures', 'statements'];

/** Suspend / reinstate, for the roles that write structures (REVIEWER, ADMIN). */
const StructureWorkflow = () => {
    const { canAccess } = useCanAccess({ resource: 'structures', action: 'edit' });
    if (!canAccess) return null;
    return (
        <>
            <SuspendButton />
            <ReinstateButton />
        </>
    );
};

/** Name, status and the charter flag, above the tabs. */
const StructureHeader = () => (
    <Box sx={{ px: 2, pt: 2 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField source="name" variant="h6" component="h2" />
            <Box data-testid="structure-status">
                <StatusChip source="status" enum="StructureStatus" />
            </Box>
            <CharterResignatureChip />
        </Stack>
    </Box>
);

const EmptyTab = ({ message }: { message: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
            {translate(message)}
        </Typography>
    );
};

export const StructureShow = () => {
    const { canAccess } = useCanAccessResources({ action: 'list', resources: related });
    return (
        <RecordShow workflow={<StructureWorkflow />}>
            <StructureHeader />
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.identity">
                    <TextField source="siret" sx={{ fontFamily: 'monospace' }} />
                    <TextField source="legalForm" />
                    <DateTimeField source="eligibleAt" />
                    <DateTimeField source="suspendedAt" />
                    <TextField source="suspensionReason" emptyText="—" />
                    <Labeled source="signedCharterVersion">
                        <CharterVersionField />
                    </Labeled>
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
                                <DataTable.Col source="flags" disableSort>
                                    <StatusChip source="flags" enum="OfferFlag" color="warning" />
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
                {canAccess?.['charter-signatures'] && (
                    <TabbedShowLayout.Tab
                        label="resources.charter-signatures.name"
                        path="charter-signatures"
                        count={<ReferenceManyCount reference="charter-signatures" target="structureId" />}
                    >
                        <ReferenceManyField
                            reference="charter-signatures"
                            target="structureId"
                            sort={{ field: 'signedAt', order: 'DESC' }}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="charterId">
                                    <RefField source="charterId" reference="charters" />
                                </DataTable.Col>
                                <DataTable.Col source="signatoryName" />
                                <DataTable.Col source="signatoryRole" />
                                <DataTable.Col source="signedAt" field={DateTimeField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
                {canAccess?.statements && (
                    <TabbedShowLayout.Tab
                        label="resources.statements.name"
                        path="statements"
                        count={<ReferenceManyCount reference="statements" target="structureId" />}
                    >
                        <ReferenceManyField
                            reference="statements"
                            target="structureId"
                            sort={{ field: 'issuedAt', order: 'DESC' }}
                            label={false}
                            empty={<EmptyTab message="structures.noStatement" />}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="number" />
                                <DataTable.Col source="status">
                                    <StatusChip source="status" enum="StatementStatus" />
                                </DataTable.Col>
                                <DataTable.Col source="grossCents" field={MoneyField} />
                                <DataTable.Col source="netCents" field={MoneyField} />
                                <DataTable.Col source="issuedAt" field={DateTimeField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
                <TabbedShowLayout.Tab label="apiKeys.tab" path="api-keys">
                    <ApiKeysPanel />
                </TabbedShowLayout.Tab>
            </TabbedShowLayout>
        </RecordShow>
    );
};
