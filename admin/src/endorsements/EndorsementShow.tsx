import {
    DataTable,
    NumberField,
    TabbedShowLayout,
    TextField,
    useCanAccessResources,
} from 'react-admin';
import { DateTimeField, EnumCol, MoneyField, RecordShow, RefCol, RefField, RelatedTab, StatusChip } from '../common';

export const EndorsementShow = () => {
    const { canAccess } = useCanAccessResources({ action: 'list', resources: ['statements', 'payouts'] });
    return (
        <RecordShow>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.summary">
                    <TextField source="period" />
                    <StatusChip source="status" enum="EndorsementStatus" />
                    <DateTimeField source="periodStart" />
                    <DateTimeField source="periodEnd" />
                    <NumberField source="statementCount" />
                    <NumberField source="passCount" />
                    <MoneyField source="grossCents" />
                    <MoneyField source="feeCents" />
                    <MoneyField source="netCents" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="tabs.dates" path="dates">
                    <DateTimeField source="preparedAt" />
                    <DateTimeField source="closedAt" />
                    <RefField source="closedById" reference="staff" link={false} />
                    <DateTimeField source="exportedAt" />
                    <DateTimeField source="paidAt" />
                </TabbedShowLayout.Tab>
                {canAccess?.statements && (
                    <RelatedTab reference="statements" target="endorsementId" path="statements" sort={{ field: 'netCents', order: 'DESC' }}>
                        <DataTable.Col source="number" />
                        <RefCol source="structureId" reference="structures" />
                        <EnumCol source="status" enum="StatementStatus" />
                        <DataTable.NumberCol source="passCount" />
                        <DataTable.Col source="grossCents" field={MoneyField} />
                        <DataTable.Col source="netCents" field={MoneyField} />
                    </RelatedTab>
                )}
                {canAccess?.payouts && (
                    <RelatedTab reference="payouts" target="endorsementId" path="payouts" sort={{ field: 'amountCents', order: 'DESC' }}>
                        <RefCol source="structureId" reference="structures" />
                        <DataTable.Col source="amountCents" field={MoneyField} />
                        <EnumCol source="status" enum="PayoutStatus" />
                        <DataTable.Col source="withheldReason" />
                    </RelatedTab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
