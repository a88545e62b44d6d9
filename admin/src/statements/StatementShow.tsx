import { Box } from '@mui/material';
import { TabbedShowLayout, TextField, NumberField, useRecordContext } from 'react-admin';
import { DateTimeField, DownloadButton, MoneyField, RefField, StatusChip, RecordShow } from '../common';

/** A closed statement's PDF (`GET /api/statements/:id/pdf`); a draft has none yet. */
const StatementPdf = () => {
    const record = useRecordContext();
    if (!record || record.status !== 'FINAL') return null;
    return (
        <Box sx={{ px: 2, pt: 2 }}>
            <DownloadButton path={`statements/${record.id}/pdf`} filename={`releve-${record.number}.pdf`} />
        </Box>
    );
};

export const StatementShow = () => (
    <RecordShow>
        <StatementPdf />
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="number" emptyText="—" />
                <StatusChip source="status" enum="StatementStatus" />
                <RefField source="endorsementId" reference="endorsements" />
                <RefField source="structureId" reference="structures" />
                <DateTimeField source="issuedAt" />
                <NumberField source="passCount" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.amounts" path="amounts">
                <MoneyField source="grossCents" />
                <MoneyField source="feeCents" />
                <MoneyField source="subscriptionCents" />
                <MoneyField source="adjustmentsCents" />
                <MoneyField source="carriedCents" />
                <MoneyField source="netCents" />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
