import StructureIcon from '@mui/icons-material/Storefront';
import { lazyPage } from '../common/lazyPage';

const StructureList = lazyPage(() => import('./StructureList'), 'StructureList');
const StructureShow = lazyPage(() => import('./StructureShow'), 'StructureShow');
const StructureEdit = lazyPage(() => import('./StructureEdit'), 'StructureEdit');

export default {
    list: StructureList,
    show: StructureShow,
    edit: StructureEdit,
    icon: StructureIcon,
    recordRepresentation: 'name',
};
