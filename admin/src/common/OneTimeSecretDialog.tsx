import { useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
    Typography,
} from '@mui/material';
import CopyIcon from '@mui/icons-material/ContentCopy';
import DoneIcon from '@mui/icons-material/Done';
import { useTranslate } from 'react-admin';
import type { OneTimeKey } from '../dataProvider';

/** Copies text, also where the Clipboard API is unavailable (plain http on a LAN address). */
const copyText = async (text: string): Promise<boolean> => {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        const area = document.createElement('textarea');
        area.value = text;
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        const ok = document.execCommand('copy');
        document.body.removeChild(area);
        return ok;
    }
};

export interface OneTimeSecretDialogProps {
    /** The key the server returned; the dialog is open while it is set. */
    secret: OneTimeKey | null | undefined;
    /** Who the key is for (the structure's name). */
    holder?: string;
    onClose: () => void;
}

/**
 * Shows a partner API key the only time it exists in clear (the server stores it hashed): copy
 * button, and a warning that closing the dialog loses it. Closing needs an explicit click.
 */
export const OneTimeSecretDialog = ({ secret, holder, onClose }: OneTimeSecretDialogProps) => {
    const translate = useTranslate();
    const [copied, setCopied] = useState(false);
    const close = () => {
        setCopied(false);
        onClose();
    };
    return (
        <Dialog open={!!secret} fullWidth maxWidth="sm" data-testid="one-time-secret-dialog">
            <DialogTitle>{translate('apiKeys.dialog.title')}</DialogTitle>
            <DialogContent>
                <Stack spacing={2}>
                    <Alert severity="warning" variant="filled">
                        {translate('apiKeys.dialog.warning')}
                    </Alert>
                    {holder && (
                        <Typography variant="body2">{translate('apiKeys.dialog.for', { name: holder })}</Typography>
                    )}
                    <Box
                        data-testid="one-time-secret"
                        sx={{
                            fontFamily: 'monospace',
                            fontSize: '1rem',
                            p: 1.5,
                            borderRadius: 1,
                            bgcolor: 'action.hover',
                            wordBreak: 'break-all',
                            userSelect: 'all',
                        }}
                    >
                        {secret?.key}
                    </Box>
                    <Typography variant="body2" color="text.secondary">
                        {translate('apiKeys.dialog.prefix', { prefix: secret?.prefix ?? '' })}
                    </Typography>
                    {secret?.notice && <Typography variant="body2">{secret.notice}</Typography>}
                </Stack>
            </DialogContent>
            <DialogActions sx={{ px: 3, pb: 2 }}>
                <Button
                    variant="outlined"
                    startIcon={copied ? <DoneIcon /> : <CopyIcon />}
                    onClick={async () => setCopied(await copyText(secret?.key ?? ''))}
                    data-testid="copy-secret"
                >
                    {translate(copied ? 'apiKeys.dialog.copied' : 'apiKeys.dialog.copy')}
                </Button>
                <Button variant="contained" onClick={close} data-testid="close-secret">
                    {translate('apiKeys.dialog.close')}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
