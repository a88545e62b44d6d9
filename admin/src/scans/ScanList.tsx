import { Chip, Stack } from '@mui/material';
import { DataTable, useRecordContext, useTranslate } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumCol,
    MoneyField,
    RefCol,
    RefInput,
    ResourceList,
    dateRangeFilters,
    searchFilter,
} from '../common';

const filters = [
    searchFilter,
    <EnumArrayInput key="outcome" source="outcome" enum="ScanOutcome" alwaysOn />,
    <EnumArrayInput key="reason" source="reason" enum="ScanRejectionReason" />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <RefInput key="offerId" source="offerId" reference="offers" />,
    ...dateRangeFilters('scannedAt', { after: 'filters.scannedAfter', before: 'filters.scannedBefore' }),
];

/** A staff redemption (dispute outcome FORCE_REDEEM) or a voided scan says so in the list. */
const ScanFlags = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record || (!record.forced && !record.voidedAt)) return null;
    return (
        <Stack direction="row" spacing={0.5}>
            {record.forced && <Chip size="small" color="warning" label={translate('resources.scans.fields.forced')} data-testid="scan-forced" />}
            {record.voidedAt && <Chip size="small" label={translate('scanFlags.voided')} data-testid="scan-voided" />}
        </Stack>
    );
};

export const ScanList = () => (
    <ResourceList filters={filters} sort={{ field: 'scannedAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="scannedAt" field={DateTimeField} />
            <DataTable.Col source="barcode" sx={{ fontFamily: 'monospace' }} />
            <RefCol source="structureId" reference="structures" />
            <RefCol source="offerId" reference="offers" />
            <EnumCol source="outcome" enum="ScanOutcome" />
            <EnumCol source="reason" enum="ScanRejectionReason" color="error" />
            <DataTable.Col source="forced" label="resources.scans.fields.flags" disableSort field={ScanFlags} />
            <DataTable.Col source="valueCents" field={MoneyField} />
        </DataTable>
    </ResourceList>
);
