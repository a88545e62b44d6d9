import { useState } from 'react';
import { Button, CircularProgress, IconButton, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { saveBlob } from './saveBlob';

export { saveBlob };

export interface DownloadButtonProps {
    /** Under /api: `sponsor-documents/<id>/pdf`. */
    path: string;
    /** The file's name when the server does not give one. */
    filename: string;
    /** i18n key of the button. */
    label?: string;
    /** A small icon only (in a table row). */
    iconOnly?: boolean;
}

/**
 * Downloads a file the server renders (a PDF) with the staff token: a plain link could not send
 * it. The click does not open the row it sits in.
 */
export const DownloadButton = ({ path, filename, label = 'downloads.pdf', iconOnly = false }: DownloadButtonProps) => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const translate = useTranslate();
    const [pending, setPending] = useState(false);
    const download = async (event: React.MouseEvent) => {
        event.stopPropagation();
        setPending(true);
        try {
            const { data, filename: served } = await dataProvider.getFile(path);
            saveBlob(data, served ?? filename);
        } catch (error) {
            const message = (error as Error).message || 'ra.notification.http_error';
            notify(message, { type: 'error', messageArgs: { _: message } });
        } finally {
            setPending(false);
        }
    };
    const icon = pending ? <CircularProgress size={16} color="inherit" /> : <DownloadIcon fontSize="small" />;
    if (iconOnly) {
        return (
            <Tooltip title={translate(label)}>
                <span>
                    <IconButton size="small" onClick={download} disabled={pending} aria-label={translate(label)} data-download={path}>
                        {icon}
                    </IconButton>
                </span>
            </Tooltip>
        );
    }
    return (
        <Button size="small" variant="outlined" startIcon={icon} onClick={download} disabled={pending} data-download={path}>
            {translate(label)}
        </Button>
    );
};
