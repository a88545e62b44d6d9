import {
    CloneButton,
    DataTable,
    Labeled,
    NumberField,
    Pagination,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
    useCanAccess,
} from 'react-admin';
import { Alert, Stack } from '@mui/material';
import { useTranslate, useRecordContext } from 'react-admin';
import { DateTimeField, PublicationChip, PublishButton, RefField, RecordShow, TextBody, isDraft } from '../common';
import { useCharterInForce } from './useCharterInForce';

/** Publish a draft; start the next version from this one (ADMIN). */
const CharterWorkflow = () => {
    const { canAccess } = useCanAccess({ resource: 'charters', action: 'create' });
    return (
        <>
            <PublishButton />
            {canAccess && <CloneButton label="publication.newVersion" />}
        </>
    );
};

// `label={false}`: blocks of a tab, not fields, so the tab adds no label above them.
const DraftNotice = (_props: { label?: false }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record || record.publishedAt) return null;
    return <Alert severity="info">{translate('publication.draftNotice')}</Alert>;
};

const CharterFacts = (_props: { label?: false }) => {
    const inForce = useCharterInForce();
    return (
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Labeled source="version">
                <NumberField source="version" />
            </Labeled>
            <Labeled label="publication.state">
                <PublicationChip inForceId={inForce?.id} />
            </Labeled>
            <Labeled source="publishedAt">
                <DateTimeField source="publishedAt" />
            </Labeled>
        </Stack>
    );
};

export const CharterShow = () => {
    const { canAccess: canReadSignatures } = useCanAccess({ resource: 'charter-signatures', action: 'list' });
    return (
        <RecordShow workflow={<CharterWorkflow />} editable={isDraft}>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.text">
                    <DraftNotice label={false} />
                    <CharterFacts label={false} />
                    <TextField source="title" variant="h6" label={false} />
                    <TextBody source="body" label={false} />
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
