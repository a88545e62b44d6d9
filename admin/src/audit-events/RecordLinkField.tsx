import { Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import {
    useCanAccess,
    useCreatePath,
    useRecordContext,
    useResourceDefinitions,
    type FieldProps,
} from 'react-admin';

/** The id of the record an event or comment is about, linked to its page when readable. */
export const RecordLinkField = ({ source = 'recordId' }: FieldProps) => {
    const record = useRecordContext();
    const definitions = useResourceDefinitions();
    const createPath = useCreatePath();
    const resource: string = record?.resource ?? '';
    const { canAccess } = useCanAccess({ resource, action: 'show', enabled: !!resource });
    const id = record?.[source];
    if (!id) return null;
    const label = (
        <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
            {String(id).slice(0, 8)}
        </Typography>
    );
    if (!definitions[resource]?.hasShow || !canAccess) return label;
    return (
        <MuiLink
            component={Link}
            to={createPath({ resource, id, type: 'show' })}
            onClick={(event: React.MouseEvent) => event.stopPropagation()}
        >
            {label}
        </MuiLink>
    );
};
