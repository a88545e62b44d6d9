import {
    DataTable,
    NumberField,
    TabbedShowLayout,
    TextField,
    useCanAccess,
} from 'react-admin';
import { DateOnlyField, DateTimeField, MoneyField, RefField, RelatedTab, StatusChip, RecordShow } from '../common';
import { FeeRateField } from './FeeRateField';

export const OrderShow = () => {
    const { canAccess: canReadBooklets } = useCanAccess({ resource: 'booklets', action: 'list' });
    return (
        <RecordShow>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.summary">
                    <TextField source="reference" />
                    <RefField source="sponsorId" reference="sponsors" />
                    <StatusChip source="status" enum="OrderStatus" />
                    <TextField source="paymentOrderNumber" emptyText="—" />
                    <NumberField source="validityYear" options={{ useGrouping: false }} />
                    <TextField source="cancelReason" emptyText="—" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="tabs.amounts" path="amounts">
                    <NumberField source="bookletCount" />
                    <NumberField source="passesPerBooklet" />
                    <MoneyField source="passValueCents" />
                    <MoneyField source="faceValueCents" />
                    <FeeRateField source="upstreamFeeRateBp" />
                    <MoneyField source="upstreamFeeCents" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="tabs.restrictions" path="restrictions">
                    <TextField source="allowedDepartements" emptyText="—" />
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
                {canReadBooklets && (
                    <RelatedTab reference="booklets" target="orderId" path="booklets" sort={{ field: 'number', order: 'ASC' }}>
                        <DataTable.Col source="number" />
                        <DataTable.Col source="handedOutAt" field={DateTimeField} />
                        <DataTable.Col source="handedOutBy" />
                    </RelatedTab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
