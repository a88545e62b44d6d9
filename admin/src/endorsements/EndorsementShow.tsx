import {
    DataTable,
    NumberField,
    Pagination,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
    useCanAccessResources,
} from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

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
                    <TabbedShowLayout.Tab
                        label="resources.statements.name"
                        path="statements"
                        count={<ReferenceManyCount reference="statements" target="endorsementId" />}
                    >
                        <ReferenceManyField
                            reference="statements"
                            target="endorsementId"
                            sort={{ field: 'netCents', order: 'DESC' }}
                            pagination={<Pagination />}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="number" />
                                <DataTable.Col source="structureId">
                                    <RefField source="structureId" reference="structures" />
                                </DataTable.Col>
                                <DataTable.Col source="status">
                                    <StatusChip source="status" enum="StatementStatus" />
                                </DataTable.Col>
                                <DataTable.NumberCol source="passCount" />
                                <DataTable.Col source="grossCents" field={MoneyField} />
                                <DataTable.Col source="netCents" field={MoneyField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
                {canAccess?.payouts && (
                    <TabbedShowLayout.Tab
                        label="resources.payouts.name"
                        path="payouts"
                        count={<ReferenceManyCount reference="payouts" target="endorsementId" />}
                    >
                        <ReferenceManyField
                            reference="payouts"
                            target="endorsementId"
                            sort={{ field: 'amountCents', order: 'DESC' }}
                            pagination={<Pagination />}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="structureId">
                                    <RefField source="structureId" reference="structures" />
                                </DataTable.Col>
                                <DataTable.Col source="amountCents" field={MoneyField} />
                                <DataTable.Col source="status">
                                    <StatusChip source="status" enum="PayoutStatus" />
                                </DataTable.Col>
                                <DataTable.Col source="withheldReason" />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
