import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { useCharterInForce } from '../charters/useCharterInForce';

/** "v1 (en vigueur : v2)": the charter version the structure signed against the one in force. */
export const CharterVersionField = (_props: Partial<FieldProps>) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const inForce = useCharterInForce();
    if (!record) return null;
    const signed = record.signedCharterVersion as number | null;
    const upToDate = inForce ? signed === inForce.version : !record.charterResignatureNeeded;
    return (
        <Typography variant="body2" component="span" color={upToDate ? 'text.primary' : 'warning.main'} data-testid="structure-charter-version">
            {signed == null ? translate('structures.charter.none') : `v${signed}`}
            {inForce &&
                (upToDate
                    ? ` — ${translate('structures.charter.upToDate')}`
                    : ` — ${translate('structures.charter.inForce', { version: inForce.version })}`)}
        </Typography>
    );
};
