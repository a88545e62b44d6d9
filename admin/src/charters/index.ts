import CharterIcon from '@mui/icons-material/Gavel';
import { lazyPage } from '../common/lazyPage';

const CharterList = lazyPage(() => import('./CharterList'), 'CharterList');
const CharterShow = lazyPage(() => import('./CharterShow'), 'CharterShow');
const CharterCreate = lazyPage(() => import('./CharterCreate'), 'CharterCreate');
const CharterEdit = lazyPage(() => import('./CharterEdit'), 'CharterEdit');

export default {
    list: CharterList,
    show: CharterShow,
    create: CharterCreate,
    edit: CharterEdit,
    icon: CharterIcon,
    recordRepresentation: (record: { version?: number; title?: string }) => `v${record.version} — ${record.title}`,
};
