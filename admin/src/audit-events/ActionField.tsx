import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps, type TranslateFunction } from 'react-admin';
import { fr } from '../i18n/fr';

/** The journal's action filter: every action the console has words for (test/console/wording.e2e.ts checks they cover the server's). */
export const auditActionChoices = Object.keys((fr as unknown as { audit: { actions: Record<string, string> } }).audit.actions).map(
    action => ({ id: action, name: `audit.actions.${action}` })
);

/**
 * An audit action code ("approve", "comment"…) in words. A code the console does not know yet
 * (a newer server) reads "Autre action (code)", never the bare code alone.
 */
export const actionLabel = (translate: TranslateFunction, action: string): string =>
    translate(`audit.actions.${action}`, { _: translate('audit.unknownAction', { action }) });

/** The action code of an audit event, as a chip in words. */
export const ActionField = (props: FieldProps) => {
    const value = useFieldValue(props) as string | undefined;
    const translate = useTranslate();
    if (!value) return null;
    return <Chip size="small" variant="outlined" label={actionLabel(translate, value)} />;
};
