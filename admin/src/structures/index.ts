import StructureIcon from '@mui/icons-material/Storefront';
import { lazyPage } from '../common/lazyPage';

const StructureList = lazyPage(() => import('./StructureList'), 'StructureList');
const StructureShow = lazyPage(() => import('./StructureShow'), 'StructureShow');

export default {
    list: StructureList,
    show: StructureShow,
    icon: StructureIcon,
    recordRepresentation: 'name',
};
