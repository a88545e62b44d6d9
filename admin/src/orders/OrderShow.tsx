import { useState } from 'react';
import { Box, Stack } from '@mui/material';
import {
    DataTable,
    Labeled,
    NumberField,
    TabbedShowLayout,
    TextField,
    useCanAccess,
    useCanAccessResources,
    useRecordContext,
} from 'react-admin';
import {
    DateOnlyField,
    DateTimeField,
    EnumCol,
    MoneyField,
    RecordShow,
    RefField,
    RelatedTab,
    StatusChip,
} from '../common';
import type { JobRun } from '../dataProvider';
import { bookletNumberOf } from '../../../server/src/rules/orders';
import { DepartementsField } from '../common/DepartementsField';
import { HandOutRangeButton } from '../booklets/HandOutRangeButton';
import { DocumentDownload } from '../sponsor-documents/DocumentDownload';
import { IssueProgress } from './IssueProgress';
import { IssueRunContext, OrderWorkflow } from './OrderActions';
import { OrderAmounts } from './OrderAmounts';

/** Reference and status, above the tabs. */
const OrderHeader = () => (
    <Box sx={{ px: 2, pt: 2 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField source="reference" variant="h6" component="h2" />
            <Box data-testid="order-status">
                <StatusChip source="status" enum="OrderStatus" />
            </Box>
        </Stack>
    </Box>
);

/** The range of an issued order's booklets, to prefill "Remettre une série" with. */
const bookletRange = (record: Record<string, any>): { from?: string; to?: string } => {
    const first = record.firstBookletSequence;
    if (!first || !record.validityYear || !record.bookletCount) return {};
    try {
        return {
            from: bookletNumberOf(record.validityYear, first),
            to: bookletNumberOf(record.validityYear, first + record.bookletCount - 1),
        };
    } catch {
        return {};
    }
};

/** Booklets are handed out once they exist and while the order is not cancelled. */
const HandOutRange = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'booklets', action: 'edit' });
    if (!record || !canAccess || !['AWAITING_PAYMENT', 'ACTIVE'].includes(record.status)) return null;
    return <HandOutRangeButton {...bookletRange(record)} />;
};

/** Why a cancelled order was cancelled (nothing for the others). */
const CancelReason = () => {
    const record = useRecordContext();
    if (record?.status !== 'CANCELLED') return null;
    return (
        <Labeled source="cancelReason">
            <TextField source="cancelReason" emptyText="—" />
        </Labeled>
    );
};

const OrderTabs = () => {
    const { canAccess } = useCanAccessResources({ action: 'list', resources: ['booklets', 'sponsor-payments', 'sponsor-documents'] });
    return (
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <IssueProgress />
                <OrderAmounts />
                <RefField source="sponsorId" reference="sponsors" />
                <TextField source="paymentOrderNumber" emptyText="—" />
                <NumberField source="validityYear" options={{ useGrouping: false }} />
                <CancelReason />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.restrictions" path="restrictions">
                <DepartementsField source="allowedDepartements" />
                <DateOnlyField source="validFrom" />
                <DateOnlyField source="validUntil" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.dates" path="dates">
                <DateTimeField source="createdAt" />
                <DateTimeField source="issuedAt" />
                <DateTimeField source="activatedAt" />
                <DateTimeField source="closedAt" />
                <DateTimeField source="cancelledAt" />
            </TabbedShowLayout.Tab>
            {canAccess?.booklets && (
                <RelatedTab
                    reference="booklets"
                    target="orderId"
                    path="booklets"
                    sort={{ field: 'number', order: 'ASC' }}
                    toolbar={<HandOutRange />}
                >
                    <DataTable.Col source="number" sx={{ fontFamily: 'monospace' }} />
                    <DataTable.Col source="handedOutAt" field={DateOnlyField} />
                    <DataTable.Col source="handedOutBy" />
                </RelatedTab>
            )}
            {canAccess?.['sponsor-payments'] && (
                <RelatedTab
                    reference="sponsor-payments"
                    target="orderId"
                    path="payments"
                    label="orders.tabs.payments"
                    sort={{ field: 'receivedOn', order: 'DESC' }}
                    rowClick={false}
                >
                    <DataTable.Col source="receivedOn" field={DateOnlyField} />
                    <DataTable.Col source="amountCents" field={MoneyField} />
                    <DataTable.Col source="bankReference" />
                    <DataTable.Col source="recordedByName" />
                    <DataTable.Col source="createdAt" field={DateTimeField} />
                </RelatedTab>
            )}
            {canAccess?.['sponsor-documents'] && (
                <RelatedTab
                    reference="sponsor-documents"
                    target="orderId"
                    path="documents"
                    label="orders.tabs.documents"
                    sort={{ field: 'issuedAt', order: 'DESC' }}
                    rowClick={false}
                >
                    <EnumCol source="kind" enum="DocumentKind" color="primary" />
                    <DataTable.Col source="number" />
                    <DataTable.Col source="amountCents" field={MoneyField} />
                    <DataTable.Col source="issuedAt" field={DateOnlyField} />
                    <DataTable.Col source="id" label="sponsor-documents.download" disableSort render={DocumentDownload} />
                </RelatedTab>
            )}
        </TabbedShowLayout>
    );
};

/**
 * An order: its amounts (computed by the server), status and workflow buttons (issue, activate,
 * record a payment, cancel: each shown when the role and the status allow it), the issue's live
 * progress, its booklets (hand out a range), payments and documents. Edited while a draft only.
 */
export const OrderShow = () => {
    const [run, setRun] = useState<JobRun | null>(null);
    return (
        <IssueRunContext.Provider value={{ run, setRun }}>
            <RecordShow
                workflow={<OrderWorkflow />}
                // A draft only, and not while its issue runs.
                editable={record => record.status === 'DRAFT' && !(run?.key === record.id && run.status === 'RUNNING')}
            >
                <OrderHeader />
                <OrderTabs />
            </RecordShow>
        </IssueRunContext.Provider>
    );
};
