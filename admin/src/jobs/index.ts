import JobsIcon from '@mui/icons-material/PlaylistPlay';
import { JobRunList } from './JobRunList';
import { JobRunShow } from './JobRunShow';

export { JobProgress } from './JobProgress';

export default {
    list: JobRunList,
    show: JobRunShow,
    icon: JobsIcon,
    recordRepresentation: (run: { name?: string; key?: string }) => `${run.name ?? ''} ${run.key ?? ''}`,
};
