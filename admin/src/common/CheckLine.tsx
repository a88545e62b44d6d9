import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';
import OkIcon from '@mui/icons-material/CheckCircle';
import KoIcon from '@mui/icons-material/Cancel';
import WarnIcon from '@mui/icons-material/Warning';

/** One verified point: a green tick, an orange warning or a red cross, and what was checked. */
export const CheckLine = ({ ok, warning = false, children, testId }: { ok: boolean; warning?: boolean; children: ReactNode; testId?: string }) => (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid={testId} data-ok={ok ? 'true' : 'false'}>
        {ok ? (
            <OkIcon fontSize="small" color="success" sx={{ mt: '1px' }} />
        ) : warning ? (
            <WarnIcon fontSize="small" color="warning" sx={{ mt: '1px' }} />
        ) : (
            <KoIcon fontSize="small" color="error" sx={{ mt: '1px' }} />
        )}
        <Typography variant="body2" component="div">
            {children}
        </Typography>
    </Stack>
);
