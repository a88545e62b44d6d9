import DisputeIcon from '@mui/icons-material/ReportProblem';
import { lazyPage } from '../common/lazyPage';

const DisputeList = lazyPage(() => import('./DisputeList'), 'DisputeList');
const DisputeShow = lazyPage(() => import('./DisputeShow'), 'DisputeShow');

export default {
    list: DisputeList,
    show: DisputeShow,
    icon: DisputeIcon,
    recordRepresentation: 'reference',
};
