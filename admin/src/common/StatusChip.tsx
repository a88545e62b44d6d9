import { Chip, Stack, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { EnumName } from './enums';

type Colour = ChipProps['color'];

// Green = done/usable, orange = waiting on someone, red = refused/blocked, grey = closed.
const colours: Record<string, Colour> = {
    ACTIVE: 'success',
    ELIGIBLE: 'success',
    APPROVED: 'success',
    ACCEPTED: 'success',
    PAID: 'success',
    FINAL: 'success',
    RESOLVED: 'success',
    AUTO: 'success',
    UPHOLD: 'success',
    REDEEMED: 'info',
    ENDORSED: 'info',
    EXPORTED: 'info',
    CLOSED: 'default',
    PREPARED: 'info',
    IN_REVIEW: 'info',
    INVESTIGATING: 'info',
    MANUAL: 'info',
    SUBMITTED: 'warning',
    ON_HOLD: 'warning',
    APPLICANT: 'warning',
    PENDING: 'warning',
    PENDING_REVIEW: 'warning',
    CHANGES_REQUESTED: 'warning',
    AWAITING_PAYMENT: 'warning',
    PREPARING: 'warning',
    CLOSING: 'warning',
    OPEN: 'warning',
    DRAFT: 'default',
    INACTIVE: 'default',
    REJECTED: 'error',
    SUSPENDED: 'error',
    CANCELLED: 'default',
    EXPIRED: 'default',
    VOIDED: 'default',
    WITHHELD: 'error',
    RETURNED: 'error',
    VOID_SCAN: 'error',
    FORCE_REDEEM: 'info',
    RUNNING: 'info',
    SUCCEEDED: 'success',
    FAILED: 'error',
};

/** The colour of a state value (green done, orange waiting, red refused, grey closed). */
export const statusColour = (value: string): Colour => colours[value] ?? 'default';

export interface StatusChipProps extends FieldProps {
    /** Which enum of prisma/schema.prisma the value belongs to (for its label). */
    enum: EnumName;
    /** Chips of enums that carry no state (flags, reasons) stay neutral unless told. */
    color?: Colour;
}

/** An enum value (or a list of them) as translated Chips: `enums.<Enum>.<VALUE>`. */
export const StatusChip = ({ enum: enumName, color, ...props }: StatusChipProps) => {
    const value = useFieldValue(props) as string | string[] | null | undefined;
    const translate = useTranslate();
    if (value == null || (Array.isArray(value) && value.length === 0)) return null;
    const values = Array.isArray(value) ? value : [value];
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} component="span">
            {values.map(v => (
                <Chip
                    key={v}
                    size="small"
                    variant={color ? 'outlined' : 'filled'}
                    color={color ?? colours[v] ?? 'default'}
                    label={translate(`enums.${enumName}.${v}`, { _: v })}
                />
            ))}
        </Stack>
    );
};
