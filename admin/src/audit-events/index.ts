import AuditIcon from '@mui/icons-material/History';
import { lazyPage } from '../common/lazyPage';

const AuditEventList = lazyPage(() => import('./AuditEventList'), 'AuditEventList');
const AuditEventShow = lazyPage(() => import('./AuditEventShow'), 'AuditEventShow');

export default {
    list: AuditEventList,
    show: AuditEventShow,
    icon: AuditIcon,
    recordRepresentation: (record: { actorName?: string; createdAt?: string }) =>
        `${record.actorName ?? ''} — ${record.createdAt ? new Date(record.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) : ''}`,
};
