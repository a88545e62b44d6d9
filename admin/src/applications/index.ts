import ApplicationIcon from '@mui/icons-material/AssignmentInd';
import { lazyPage } from '../common/lazyPage';

const ApplicationList = lazyPage(() => import('./ApplicationList'), 'ApplicationList');
const ApplicationShow = lazyPage(() => import('./ApplicationShow'), 'ApplicationShow');

export default {
    list: ApplicationList,
    show: ApplicationShow,
    icon: ApplicationIcon,
    recordRepresentation: (record: { reference?: string; organisationName?: string }) =>
        `${record.reference ?? ''} — ${record.organisationName ?? ''}`,
};
