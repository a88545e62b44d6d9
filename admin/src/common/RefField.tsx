import { Typography } from '@mui/material';
import {
    ReferenceField,
    useCanAccess,
    useFieldValue,
    useGetIdentity,
    useTranslate,
    type ReferenceFieldProps,
} from 'react-admin';

/**
 * A foreign key shown as the referenced record (its recordRepresentation), linked to its page.
 * Staff who may not read the referenced resource see "Accès restreint" instead of a 403,
 * except for themselves (an assignee, an author…), whom they know by name.
 */
export const RefField = ({ link = 'show', ...props }: ReferenceFieldProps) => {
    const { canAccess, isPending } = useCanAccess({ resource: props.reference, action: 'show' });
    const { identity } = useGetIdentity();
    const value = useFieldValue(props);
    const translate = useTranslate();
    if (isPending) return null;
    if (!canAccess) {
        const isMe = props.reference === 'users' && value != null && value === identity?.id;
        return (
            <Typography component="span" variant="body2" color={isMe ? 'text.primary' : 'text.secondary'}>
                {isMe ? identity?.fullName : value ? translate('app.restricted') : '—'}
            </Typography>
        );
    }
    return <ReferenceField link={link} emptyText="—" {...props} />;
};
