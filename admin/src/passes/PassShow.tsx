import {
    DataTable,
    NumberField,
    TabbedShowLayout,
    TextField,
    useCanAccess,
} from 'react-admin';
import { Stack } from '@mui/material';
import { DateTimeField, EnumCol, MoneyField, RecordShow, RefCol, RefField, RelatedTab, StatusChip } from '../common';
import { CancelPassButton } from './CancelPassButton';
import { OpenDisputeFromRecord } from '../disputes/OpenDisputeButton';

export const PassShow = () => {
    const { canAccess: canReadScans } = useCanAccess({ resource: 'scans', action: 'list' });
    return (
        <RecordShow workflow={<><CancelPassButton /><OpenDisputeFromRecord kind="pass" /></>}>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="tabs.summary">
                    <TextField source="barcode" sx={{ fontFamily: 'monospace' }} />
                    <StatusChip source="status" enum="PassStatus" />
                    <MoneyField source="faceValueCents" />
                    <RefField source="bookletId" reference="booklets" />
                    <RefField source="orderId" reference="orders" />
                    <RefField source="sponsorId" reference="sponsors" />
                    <NumberField source="validityYear" options={{ useGrouping: false }} />
                    <DateTimeField source="acceptedUntil" />
                    <DateTimeField source="redeemedAt" />
                    <DateTimeField source="cancelledAt" />
                    <TextField source="cancelReason" emptyText="—" />
                </TabbedShowLayout.Tab>
                {canReadScans && (
                    <RelatedTab
                        reference="scans"
                        target="passId"
                        path="scans"
                        sort={{ field: 'scannedAt', order: 'DESC' }}
                        perPage={100}
                    >
                        {/* Every attempt on the pass, accepted or not: where, for which service, and why it was refused. */}
                        <DataTable.Col source="scannedAt" field={DateTimeField} />
                        <RefCol source="structureId" reference="structures" />
                        <RefCol source="offerId" reference="offers" />
                        <EnumCol source="outcome" enum="ScanOutcome" />
                        {/* The reason, then its detail (when and where the pass was already used…) under it. */}
                        <DataTable.Col source="reason" cellSx={() => ({ minWidth: 200 })}>
                            <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                                <StatusChip source="reason" enum="ScanRejectionReason" color="error" />
                                <TextField source="reasonDetail" variant="caption" color="text.secondary" emptyText="" />
                            </Stack>
                        </DataTable.Col>
                    </RelatedTab>
                )}
            </TabbedShowLayout>
        </RecordShow>
    );
};
