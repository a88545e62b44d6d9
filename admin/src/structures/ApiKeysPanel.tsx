import { useState } from 'react';
import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, Chip } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import RevokeIcon from '@mui/icons-material/KeyOff';
import { DateField, RecordContextProvider, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, OneTimeSecretDialog, RefField, useRecordView, useWorkflowAllows } from '../common';
import type { OneTimeKey } from '../dataProvider';

interface ApiKey {
    id: string;
    prefix: string;
    createdAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
    createdById: string | null;
}

const when = { locales: 'fr-FR', showTime: true, emptyText: '—', options: { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' } } as const;

/** The structure's partner API keys (prefixes only), and for ADMIN: reissue (shown once) and revoke. */
export const ApiKeysPanel = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { permissions } = usePermissions<{ role?: string }>();
    const isAdmin = permissions?.role === 'ADMIN';
    const [key, setKey] = useState<OneTimeKey | null>(null);
    const { data: keys, error } = useRecordView<ApiKey[]>('api-keys');
    const qualified = useWorkflowAllows('structures', 'reissue-api-key');
    if (!record) return null;
    const active = (keys ?? []).filter(k => !k.revokedAt).length;
    return (
        <Stack spacing={2} data-testid="api-keys-panel">
            <Typography variant="body2" color="text.secondary">
                {translate('apiKeys.explanation')}
            </Typography>
            {error && <Alert severity="error">{(error as Error).message}</Alert>}
            {keys && keys.length === 0 && <Alert severity="info">{translate('apiKeys.none')}</Alert>}
            {keys && keys.length > 0 && (
                <Table size="small">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('apiKeys.prefix')}</TableCell>
                            <TableCell>{translate('apiKeys.state')}</TableCell>
                            <TableCell>{translate('apiKeys.createdAt')}</TableCell>
                            <TableCell>{translate('apiKeys.createdBy')}</TableCell>
                            <TableCell>{translate('apiKeys.lastUsedAt')}</TableCell>
                            <TableCell>{translate('apiKeys.revokedAt')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {keys.map(k => (
                            <RecordContextProvider key={k.id} value={k}>
                                <TableRow>
                                    <TableCell sx={{ fontFamily: 'monospace' }}>{k.prefix}…</TableCell>
                                    <TableCell>
                                        <Chip
                                            size="small"
                                            color={k.revokedAt ? 'default' : 'success'}
                                            label={translate(k.revokedAt ? 'apiKeys.revoked' : 'apiKeys.active')}
                                        />
                                    </TableCell>
                                    <TableCell>
                                        <DateField source="createdAt" {...when} />
                                    </TableCell>
                                    <TableCell>
                                        <RefField source="createdById" reference="staff" link={false} />
                                    </TableCell>
                                    <TableCell>
                                        <DateField source="lastUsedAt" {...when} />
                                    </TableCell>
                                    <TableCell>
                                        <DateField source="revokedAt" {...when} />
                                    </TableCell>
                                </TableRow>
                            </RecordContextProvider>
                        ))}
                    </TableBody>
                </Table>
            )}
            {isAdmin && (
                <Stack direction="row" spacing={1}>
                    <ActionButton
                        action="reissue-api-key"
                        label="apiKeys.reissue"
                        icon={<KeyIcon />}
                        disabled={!qualified}
                        successMessage="apiKeys.reissued"
                        onSuccess={result => setKey(result.partnerApiKey ?? null)}
                        dialog={{
                            title: 'apiKeys.reissueTitle',
                            content: <Alert severity="warning">{translate('apiKeys.reissueContent', { name: record.name })}</Alert>,
                        }}
                    />
                    <ActionButton
                        action="revoke-api-keys"
                        label="apiKeys.revoke"
                        icon={<RevokeIcon />}
                        color="error"
                        disabled={active === 0}
                        successMessage="apiKeys.revokedDone"
                        dialog={{
                            title: 'apiKeys.revokeTitle',
                            content: <Alert severity="error">{translate('apiKeys.revokeContent', { name: record.name, smart_count: active })}</Alert>,
                        }}
                    />
                </Stack>
            )}
            <OneTimeSecretDialog secret={key} holder={record.name} onClose={() => setKey(null)} />
        </Stack>
    );
};
