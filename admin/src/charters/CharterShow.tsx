import { Stack } from '@mui/material';
import { DataTable, Labeled, NumberField, TabbedShowLayout, TextField, useCanAccess } from 'react-admin';
import {
    DateTimeField,
    DraftNotice,
    PublicationChip,
    PublicationWorkflow,
    RecordShow,
    RefCol,
    RelatedTab,
    TextBody,
    isDraft,
} from '../common';
import { useCharterInForce } from './useCharterInForce';

// `label={false}`: blocks of a tab, not fields, so the tab adds no label above them.
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
        <RecordShow workflow={<PublicationWorkflow />} editable={isDraft}>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.text">
                    <DraftNotice label={false} />
                    <CharterFacts label={false} />
                    <TextField source="title" variant="h6" label={false} />
                    <TextBody source="body" label={false} />
                </TabbedShowLayout.Tab>
                {canReadSignatures && (
                    <RelatedTab
                        reference="charter-signatures"
                        target="charterId"
                        path="signatures"
                        sort={{ field: 'signedAt', order: 'DESC' }}
                    >
                        <DataTable.Col source="signatoryName" />
                        <RefCol source="structureId" reference="structures" />
                        <DataTable.Col source="signedAt" field={DateTimeField} />
                    </RelatedTab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
