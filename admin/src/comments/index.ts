import CommentIcon from '@mui/icons-material/Comment';
import { lazyPage } from '../common/lazyPage';

const CommentList = lazyPage(() => import('./CommentList'), 'CommentList');
const CommentShow = lazyPage(() => import('./CommentShow'), 'CommentShow');

export default {
    list: CommentList,
    show: CommentShow,
    icon: CommentIcon,
    recordRepresentation: (record: { body?: string }) =>
        (record.body ?? '').length > 40 ? `${record.body!.slice(0, 40)}…` : record.body ?? '',
};
