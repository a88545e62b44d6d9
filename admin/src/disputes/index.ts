import DisputeIcon from '@mui/icons-material/ReportProblem';
import { DisputeList } from './DisputeList';
import { DisputeShow } from './DisputeShow';

export default {
    list: DisputeList,
    show: DisputeShow,
    icon: DisputeIcon,
    recordRepresentation: 'reference',
};
