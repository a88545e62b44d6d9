import AuditIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export default {
    list: AuditEventList,
    show: AuditEventShow,
    icon: AuditIcon,
    recordRepresentation: (record: { action?: string; actorName?: string }) =>
        `${record.actorName ?? ''} — ${record.action ?? ''}`,
};
