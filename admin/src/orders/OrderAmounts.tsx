import { Box, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatCents } from '../common';
import { dueCents } from '../../../server/src/rules/orders';
import { allows } from '../../../server/src/rules/workflows';

const percent = (bp: number | null | undefined) =>
    bp == null ? '' : new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10000);

const Line = ({ label, cents, strong, testId }: { label: string; cents: number; strong?: boolean; testId: string }) => (
    <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 2, py: 0.5 }} data-testid={testId}>
        <Typography variant="body2" sx={{ fontWeight: strong ? 600 : undefined }}>
            {label}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: strong ? 600 : undefined, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-cents={cents}>
            {formatCents(cents)}
        </Typography>
    </Stack>
);

/**
 * What the sponsor owes for the order and where it stands, as the server computed it: face value,
 * upstream fee, VAT on the fee, total; then paid, credited and still due.
 */
export const OrderAmounts = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const due = dueCents({ totalCents: record.totalCents ?? 0, paidCents: record.paidCents ?? 0 });
    // Paid and due mean something once payments are taken (issued, active, closed): not for a draft
    // (a quote) nor a cancelled order.
    const payable = allows('orders', 'record-payment', record.status);
    return (
        <Box sx={{ maxWidth: 480, px: 2, py: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="order-amounts">
            <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 0.5 }}>
                {translate('orders.amounts.booklets', {
                    smart_count: record.bookletCount,
                    passes: record.passesPerBooklet ?? 10,
                    value: formatCents(record.passValueCents),
                })}
            </Typography>
            <Line label={translate('orders.amounts.faceValue')} cents={record.faceValueCents ?? 0} testId="order-face-value" />
            <Line label={translate('orders.amounts.fee', { rate: percent(record.upstreamFeeRateBp) })} cents={record.upstreamFeeCents ?? 0} testId="order-fee" />
            <Line label={translate('orders.amounts.vat', { rate: percent(record.vatRateBp) })} cents={record.vatCents ?? 0} testId="order-vat" />
            <Box sx={{ borderTop: 1, borderColor: 'divider', mt: 0.5 }} />
            <Line label={translate('orders.amounts.total')} cents={record.totalCents ?? 0} strong testId="order-total" />
            {payable && (
                <>
                    <Line label={translate('orders.amounts.paid')} cents={record.paidCents ?? 0} testId="order-paid" />
                    {(record.creditedCents ?? 0) > 0 && (
                        <Line label={translate('orders.amounts.credited')} cents={record.creditedCents} testId="order-credited" />
                    )}
                    <Box sx={{ borderTop: 1, borderColor: 'divider', mt: 0.5 }} />
                    <Line label={translate('orders.amounts.due')} cents={due} strong testId="order-due" />
                </>
            )}
        </Box>
    );
};
