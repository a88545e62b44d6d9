import { Box, Stack, Typography } from '@mui/material';
import {
    BooleanField,
    DataTable,
    EmailField,
    Labeled,
    TabbedShowLayout,
    TextField,
    UrlField,
    useCanAccess,
    useCanAccessResources,
    useTranslate,
} from 'react-admin';
import { DateOnlyField, DateTimeField, EnumCol, MoneyField, RecordShow, RefCol, RelatedTab, StatusChip } from '../common';
import { KitPanel } from '../subscriptions/KitPanel';
import { ApiKeysPanel } from './ApiKeysPanel';
import { BankChangePanel } from './BankChangePanel';
import { CharterResignatureChip } from './CharterResignatureChip';
import { CharterVersionField } from './CharterVersionField';
import { ReinstateButton, SuspendButton } from './SuspendButton';
import { OpenDisputeFromRecord } from '../disputes/OpenDisputeButton';

const related = ['locations', 'offers', 'subscriptions', 'applications', 'charter-signatures', 'statements'];

/** Suspend / reinstate, for the roles that write structures (REVIEWER, ADMIN). */
const StructureWorkflow = () => {
    const { canAccess } = useCanAccess({ resource: 'structures', action: 'edit' });
    return (
        <>
            {canAccess && <SuspendButton />}
            {canAccess && <ReinstateButton />}
            {/* Support reads structures and opens disputes on them. */}
            <OpenDisputeFromRecord kind="structure" />
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
            <BankChangePanel />
            {canAccess?.subscriptions && <KitPanel />}
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
                    <RelatedTab reference="locations" target="structureId" path="locations" sort={{ field: 'name', order: 'ASC' }}>
                        <DataTable.Col source="name" />
                        <DataTable.Col source="addressLine" />
                        <DataTable.Col source="postalCode" />
                        <DataTable.Col source="city" />
                        <DataTable.Col source="active" field={BooleanField} />
                    </RelatedTab>
                )}
                {canAccess?.offers && (
                    <RelatedTab reference="offers" target="structureId" path="offers" sort={{ field: 'submittedAt', order: 'DESC' }}>
                        <DataTable.Col source="title" />
                        <RefCol source="serviceId" reference="referential-services" />
                        <DataTable.Col source="priceCents" field={MoneyField} />
                        <EnumCol source="status" enum="OfferStatus" />
                        <EnumCol source="flags" enum="OfferFlag" color="warning" disableSort />
                        <DataTable.Col source="submittedAt" field={DateTimeField} />
                    </RelatedTab>
                )}
                {canAccess?.subscriptions && (
                    <RelatedTab
                        reference="subscriptions"
                        target="structureId"
                        path="subscriptions"
                        sort={{ field: 'orderedAt', order: 'DESC' }}
                        paginate={false}
                    >
                        <EnumCol source="plan" enum="SubscriptionPlan" color="primary" />
                        <EnumCol source="status" enum="SubscriptionStatus" />
                        <DataTable.Col source="feeCents" field={MoneyField} />
                        <DataTable.Col source="feesDueCents" field={MoneyField} disableSort />
                        <DataTable.Col source="orderedAt" field={DateTimeField} />
                        <DataTable.Col source="startedAt" field={DateOnlyField} />
                        <DataTable.Col source="cancelledAt" field={DateTimeField} />
                    </RelatedTab>
                )}
                {canAccess?.applications && (
                    <RelatedTab
                        reference="applications"
                        target="structureId"
                        path="applications"
                        sort={{ field: 'submittedAt', order: 'DESC' }}
                        paginate={false}
                    >
                        <DataTable.Col source="reference" />
                        <EnumCol source="status" enum="ApplicationStatus" />
                        <DataTable.Col source="score" />
                        <DataTable.Col source="submittedAt" field={DateTimeField} />
                        <DataTable.Col source="decidedAt" field={DateTimeField} />
                    </RelatedTab>
                )}
                {canAccess?.['charter-signatures'] && (
                    <RelatedTab
                        reference="charter-signatures"
                        target="structureId"
                        path="charter-signatures"
                        sort={{ field: 'signedAt', order: 'DESC' }}
                        paginate={false}
                    >
                        <RefCol source="charterId" reference="charters" />
                        <DataTable.Col source="signatoryName" />
                        <DataTable.Col source="signatoryRole" />
                        <DataTable.Col source="signedAt" field={DateTimeField} />
                    </RelatedTab>
                )}
                {canAccess?.statements && (
                    <RelatedTab
                        reference="statements"
                        target="structureId"
                        path="statements"
                        sort={{ field: 'issuedAt', order: 'DESC' }}
                        paginate={false}
                        empty={<EmptyTab message="structures.noStatement" />}
                    >
                        <DataTable.Col source="number" />
                        <EnumCol source="status" enum="StatementStatus" />
                        <DataTable.Col source="grossCents" field={MoneyField} />
                        <DataTable.Col source="netCents" field={MoneyField} />
                        <DataTable.Col source="issuedAt" field={DateTimeField} />
                    </RelatedTab>
                )}
                <TabbedShowLayout.Tab label="apiKeys.tab" path="api-keys">
                    <ApiKeysPanel />
                </TabbedShowLayout.Tab>
            </TabbedShowLayout>
        </RecordShow>
    );
};
