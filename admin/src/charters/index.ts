import CharterIcon from '@mui/icons-material/Gavel';
import { CharterList } from './CharterList';
import { CharterShow } from './CharterShow';
import { CharterCreate } from './CharterCreate';
import { CharterEdit } from './CharterEdit';

export default {
    list: CharterList,
    show: CharterShow,
    create: CharterCreate,
    edit: CharterEdit,
    icon: CharterIcon,
    recordRepresentation: (record: { version?: number; title?: string }) => `v${record.version} — ${record.title}`,
};
