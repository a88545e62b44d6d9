import PublishIcon from '@mui/icons-material/Publish';
import { Alert } from '@mui/material';
import { CloneButton, useCanAccess, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
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

/** Publish a draft; start the next version from this one (for those who may create one: ADMIN). */
export const PublicationWorkflow = () => {
    const resource = useResourceContext() ?? '';
    const { canAccess } = useCanAccess({ resource, action: 'create' });
    return (
        <>
            <PublishButton />
            {canAccess && <CloneButton label="publication.newVersion" />}
        </>
    );
};

/**
 * "Brouillon" notice at the top of a draft version's page. Give it `label={false}`: a block of
 * a tab, not a field, so the tab adds no label above it.
 */
export const DraftNotice = (_props: { label?: false }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record || record.publishedAt) return null;
    return <Alert severity="info">{translate('publication.draftNotice')}</Alert>;
};
