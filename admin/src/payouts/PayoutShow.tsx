import ReturnIcon from '@mui/icons-material/AssignmentReturn';
import { Typography } from '@mui/material';
import { TabbedShowLayout, TextField, TextInput, maxLength, minLength, required, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, DateTimeField, MoneyField, RefField, StatusChip, RecordShow, formatCents, useWorkflowAllows } from '../common';

/** « Virement rejeté »: the bank returned a paid transfer; its amount is owed again and carried into the structure's next statement. */
const ReturnButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('payouts', 'return');
    if (!record || !allowed) return null;
    return (
        <ActionButton
            action="return"
            label="payouts.return.button"
            icon={<ReturnIcon />}
            color="warning"
            successMessage="payouts.return.done"
            dialog={{
                title: 'payouts.return.title',
                content: <Typography variant="body2">{translate('payouts.return.content', { amount: formatCents(record.amountCents), reference: record.endToEndId })}</Typography>,
                inputs: <TextInput source="reason" label="payouts.return.reason" helperText="payouts.return.reasonHelp" multiline minRows={2} fullWidth validate={[required(), minLength(3), maxLength(500)]} />,
                confirmLabel: 'payouts.return.confirm',
            }}
        />
    );
};

export const PayoutShow = () => (
    <RecordShow workflow={<ReturnButton />}>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="endToEndId" />
                <StatusChip source="status" enum="PayoutStatus" />
                <MoneyField source="amountCents" />
                <TextField source="withheldReason" emptyText="—" />
                <RefField source="statementId" reference="statements" />
                <RefField source="endorsementId" reference="endorsements" />
                <RefField source="structureId" reference="structures" />
                <DateTimeField source="exportedAt" />
                <DateTimeField source="paidAt" />
                <DateTimeField source="returnedAt" />
                <TextField source="returnedReason" emptyText="—" />
                <RefField source="carriedIntoId" reference="statements" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.bank" path="bank">
                <TextField source="bankHolder" emptyText="—" />
                <TextField source="iban" emptyText="—" sx={{ fontFamily: 'monospace' }} />
                <TextField source="bic" emptyText="—" sx={{ fontFamily: 'monospace' }} />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
