import CommentIcon from '@mui/icons-material/Comment';
import { CommentList } from './CommentList';
import { CommentShow } from './CommentShow';

export default {
    list: CommentList,
    show: CommentShow,
    icon: CommentIcon,
    recordRepresentation: (record: { body?: string }) =>
        (record.body ?? '').length > 40 ? `${record.body!.slice(0, 40)}…` : record.body ?? '',
};
