import {
    BooleanField,
    DataTable,
    NumberField,
    TabbedShowLayout,
    TextField,
} from 'react-admin';
import { DateTimeField, MoneyField, RecordShow, RelatedTab } from '../common';

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
            <RelatedTab
                reference="referential-services"
                target="categoryId"
                path="services"
                sort={{ field: 'label', order: 'ASC' }}
            >
                <DataTable.Col source="code" />
                <DataTable.Col source="label" />
                <DataTable.Col source="recommendedPriceCents" field={MoneyField} />
                <DataTable.Col source="active" field={BooleanField} />
            </RelatedTab>
        </TabbedShowLayout>
    </RecordShow>
);
