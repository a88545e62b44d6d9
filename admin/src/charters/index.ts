import CharterIcon from '@mui/icons-material/Gavel';
import { CharterList } from './CharterList';
import { CharterShow } from './CharterShow';

export default {
    list: CharterList,
    show: CharterShow,
    icon: CharterIcon,
    recordRepresentation: (record: { version?: number; title?: string }) => `v${record.version} — ${record.title}`,
};
