import PublishIcon from '@mui/icons-material/Publish';
import { Alert } from '@mui/material';
import { useCanAccess, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { ActionButton } from './ActionButton';

/**
 * "Publier" a draft version (charter, questionnaire): it becomes the one in force, for good.
 * The confirmation says what follows (`publication.<resource>.content`).
 */
export const PublishButton = () => {
    const record = useRecordContext();
    const resource = useResourceContext() ?? '';
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource, action: 'edit' });
    if (!record || record.publishedAt || !canAccess) return null;
    return (
        <ActionButton
            action="publish"
            label="publication.publish"
            icon={<PublishIcon />}
            variant="contained"
            successMessage="publication.done"
            dialog={{
                title: translate('publication.title', { version: record.version }),
                content: (
                    <Alert severity="warning">
                        {translate(`publication.${resource}.content`, { version: record.version })}
                    </Alert>
                ),
            }}
        />
    );
};
