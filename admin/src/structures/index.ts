import StructureIcon from '@mui/icons-material/Storefront';
import { StructureList } from './StructureList';
import { StructureShow } from './StructureShow';

export default {
    list: StructureList,
    show: StructureShow,
    icon: StructureIcon,
    recordRepresentation: 'name',
};
