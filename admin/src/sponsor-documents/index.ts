import DocumentIcon from '@mui/icons-material/Description';
import { lazyPage } from '../common/lazyPage';

const SponsorDocumentList = lazyPage(() => import('./SponsorDocumentList'), 'SponsorDocumentList');

export default {
    list: SponsorDocumentList,
    icon: DocumentIcon,
    recordRepresentation: 'number',
};
