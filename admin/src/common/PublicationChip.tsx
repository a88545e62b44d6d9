import { Chip } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate, type FieldProps, type RaRecord } from 'react-admin';

/** A versioned text (charter, questionnaire): "Brouillon" until published, then "Publiée". */
export const PublicationChip = ({ inForceId }: Partial<FieldProps> & { inForceId?: string }) => {
    const record = useRecordContext();
    const resource = useResourceContext();
    const translate = useTranslate();
    if (!record) return null;
    if (!record.publishedAt) return <Chip size="small" variant="outlined" label={translate('publication.draft')} />;
    if (inForceId && record.id === inForceId) {
        return <Chip size="small" color="success" label={translate('publication.inForce')} />;
    }
    return <Chip size="small" color="default" label={translate(`publication.${resource}.published`, { _: translate('publication.published') })} />;
};

/** A draft may still change; a published version never does (the server answers 409). */
export const isDraft = (record: RaRecord) => !record.publishedAt;
