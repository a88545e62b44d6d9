import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

type Json = Record<string, unknown> | null | undefined;

const show = (value: unknown): string => {
    if (value === undefined) return '';
    if (value === null) return '∅';
    if (typeof value === 'object') return JSON.stringify(value, null, 2);
    return String(value);
};

/**
 * Before/after of an audit event as a field-by-field table; changed fields are highlighted,
 * so a reader sees at a glance what the action did.
 */
export const AuditDiff = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const before = (record.before ?? undefined) as Json;
    const after = (record.after ?? undefined) as Json;
    const isObject = (v: unknown) => v != null && typeof v === 'object' && !Array.isArray(v);
    if (!before && !after) {
        return <Typography variant="body2">{translate('audit.noChange')}</Typography>;
    }
    if ((before && !isObject(before)) || (after && !isObject(after))) {
        return (
            <Box component="pre" sx={{ fontSize: 12 }}>
                {show(before)}
                {'\n→\n'}
                {show(after)}
            </Box>
        );
    }
    const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])).sort();
    // A comment's event is about the commented record but carries the comment (its id and text).
    const resource = record.action === 'comment' ? 'comments' : (record.resource as string);
    const fieldOf = (key: string) => (record.action === 'comment' && key === 'commentId' ? 'id' : key);
    return (
        <Table size="small" sx={{ maxWidth: 1000 }}>
            <TableHead>
                <TableRow>
                    <TableCell>{translate('audit.field')}</TableCell>
                    <TableCell>{before ? translate('audit.before') : ''}</TableCell>
                    <TableCell>{after ? translate('audit.after') : ''}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {keys.map(key => {
                    const b = before?.[key];
                    const a = after?.[key];
                    const changed = !!before && !!after && JSON.stringify(b) !== JSON.stringify(a);
                    return (
                        <TableRow key={key} sx={changed ? { bgcolor: 'warning.light' } : undefined}>
                            <TableCell sx={{ fontWeight: changed ? 600 : 400, whiteSpace: 'nowrap' }}>
                                {translate(`resources.${resource}.fields.${fieldOf(key)}`, { _: key })}
                            </TableCell>
                            <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', fontSize: 12 }}>
                                {before ? show(b) : ''}
                            </TableCell>
                            <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', fontSize: 12 }}>
                                {after ? show(a) : ''}
                            </TableCell>
                        </TableRow>
                    );
                })}
            </TableBody>
        </Table>
    );
};
