import {
    DataTable,
    NumberField,
    Pagination,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
    useCanAccess,
} from 'react-admin';
import { DateTimeField, RefField, RecordShow } from '../common';

export const CharterShow = () => {
    const { canAccess: canReadSignatures } = useCanAccess({ resource: 'charter-signatures', action: 'list' });
    return (
        <RecordShow>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.summary">
                    <NumberField source="version" />
                    <TextField source="title" />
                    <DateTimeField source="publishedAt" />
                    <TextField source="body" sx={{ whiteSpace: 'pre-wrap', display: 'block', maxWidth: 800 }} />
                </TabbedShowLayout.Tab>
                {canReadSignatures && (
                    <TabbedShowLayout.Tab
                        label="resources.charter-signatures.name"
                        path="signatures"
                        count={<ReferenceManyCount reference="charter-signatures" target="charterId" />}
                    >
                        <ReferenceManyField
                            reference="charter-signatures"
                            target="charterId"
                            sort={{ field: 'signedAt', order: 'DESC' }}
                            pagination={<Pagination />}
                            label={false}
                        >
                            <DataTable rowClick="show" bulkActionButtons={false}>
                                <DataTable.Col source="signatoryName" />
                                <DataTable.Col source="structureId">
                                    <RefField source="structureId" reference="structures" />
                                </DataTable.Col>
                                <DataTable.Col source="signedAt" field={DateTimeField} />
                            </DataTable>
                        </ReferenceManyField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
