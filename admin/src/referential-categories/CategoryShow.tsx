import {
    BooleanField,
    DataTable,
    NumberField,
    Pagination,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
} from 'react-admin';
import { DateTimeField, MoneyField, RecordShow } from '../common';

export const CategoryShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="code" />
                <TextField source="label" />
                <TextField source="description" emptyText="—" />
                <NumberField source="position" />
                <BooleanField source="active" />
                <DateTimeField source="updatedAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab
                label="resources.referential-services.name"
                path="services"
                count={<ReferenceManyCount reference="referential-services" target="categoryId" />}
            >
                <ReferenceManyField
                    reference="referential-services"
                    target="categoryId"
                    sort={{ field: 'label', order: 'ASC' }}
                    pagination={<Pagination />}
                    label={false}
                >
                    <DataTable rowClick="show" bulkActionButtons={false}>
                        <DataTable.Col source="code" />
                        <DataTable.Col source="label" />
                        <DataTable.Col source="recommendedPriceCents" field={MoneyField} />
                        <DataTable.Col source="active" field={BooleanField} />
                    </DataTable>
                </ReferenceManyField>
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
