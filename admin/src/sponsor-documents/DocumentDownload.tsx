import { DownloadButton } from '../common';

/** A sponsor document's PDF (`GET /api/sponsor-documents/:id/pdf`), fetched with the staff token: a table cell. */
export const DocumentDownload = (document: { id: string; number: string }) => (
    <DownloadButton path={`sponsor-documents/${document.id}/pdf`} filename={`${document.number}.pdf`} iconOnly />
);
