import { Typography } from '@mui/material';
import {
    ReferenceField,
    useCanAccess,
    useFieldValue,
    useTranslate,
    type ReferenceFieldProps,
} from 'react-admin';

/**
 * A foreign key shown as the referenced record (its recordRepresentation), linked to its page.
 * Staff who may not read the referenced resource see "Accès restreint" instead of a 403.
 */
export const RefField = ({ link = 'show', ...props }: ReferenceFieldProps) => {
    const { canAccess, isPending } = useCanAccess({ resource: props.reference, action: 'show' });
    const value = useFieldValue(props);
    const translate = useTranslate();
    if (isPending) return null;
    if (!canAccess) {
        return (
            <Typography component="span" variant="body2" color="text.secondary">
                {value ? translate('app.restricted') : '—'}
            </Typography>
        );
    }
    return <ReferenceField link={link} emptyText="—" {...props} />;
};
