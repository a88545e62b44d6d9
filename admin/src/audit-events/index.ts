import AuditIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export default {
    list: AuditEventList,
    show: AuditEventShow,
    icon: AuditIcon,
    recordRepresentation: (record: { actorName?: string; createdAt?: string }) =>
        `${record.actorName ?? ''} — ${record.createdAt ? new Date(record.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) : ''}`,
};
