import BookletIcon from '@mui/icons-material/MenuBook';
import { BookletList } from './BookletList';
import { BookletShow } from './BookletShow';

export default {
    list: BookletList,
    show: BookletShow,
    icon: BookletIcon,
    recordRepresentation: 'number',
};
