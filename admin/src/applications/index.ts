import ApplicationIcon from '@mui/icons-material/AssignmentInd';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

export default {
    list: ApplicationList,
    show: ApplicationShow,
    icon: ApplicationIcon,
    recordRepresentation: (record: { reference?: string; organisationName?: string }) =>
        `${record.reference ?? ''} — ${record.organisationName ?? ''}`,
};
