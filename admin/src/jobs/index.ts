import JobsIcon from '@mui/icons-material/PlaylistPlay';
import { lazyPage } from '../common/lazyPage';

const JobRunList = lazyPage(() => import('./JobRunList'), 'JobRunList');
const JobRunShow = lazyPage(() => import('./JobRunShow'), 'JobRunShow');

export { JobProgress } from './JobProgress';

export default {
    list: JobRunList,
    show: JobRunShow,
    icon: JobsIcon,
    recordRepresentation: (run: { name?: string; key?: string }) => `${run.name ?? ''} ${run.key ?? ''}`,
};
