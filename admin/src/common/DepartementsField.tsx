import { Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { departementLabel } from '../../../server/src/rules/postal';

/** A list of département codes shown by name (« 33 — Gironde »); « — » when empty (no restriction). */
export const DepartementsField = (props: FieldProps) => {
    const value = useFieldValue(props) as string[] | null | undefined;
    if (!value || value.length === 0) return <Typography variant="body2">—</Typography>;
    return (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }} data-testid="departements">
            {value.map(code => (
                <Chip key={code} size="small" label={departementLabel(code)} />
            ))}
        </Stack>
    );
};
