import { Chip } from '@mui/material';
import WarningIcon from '@mui/icons-material/History';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** "Charte à re-signer": a newer charter was published than the one the structure signed. */
export const CharterResignatureChip = (_props: Partial<FieldProps>) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record?.charterResignatureNeeded) return null;
    return (
        <Chip
            size="small"
            color="warning"
            icon={<WarningIcon />}
            label={translate('structures.charter.resign')}
            data-testid="charter-resignature-chip"
        />
    );
};
