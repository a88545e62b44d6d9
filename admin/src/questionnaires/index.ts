import QuestionnaireIcon from '@mui/icons-material/Quiz';
import { lazyPage } from '../common/lazyPage';

const QuestionnaireList = lazyPage(() => import('./QuestionnaireList'), 'QuestionnaireList');
const QuestionnaireShow = lazyPage(() => import('./QuestionnaireShow'), 'QuestionnaireShow');
const QuestionnaireCreate = lazyPage(() => import('./QuestionnaireCreate'), 'QuestionnaireCreate');
const QuestionnaireEdit = lazyPage(() => import('./QuestionnaireEdit'), 'QuestionnaireEdit');

export default {
    list: QuestionnaireList,
    show: QuestionnaireShow,
    create: QuestionnaireCreate,
    edit: QuestionnaireEdit,
    icon: QuestionnaireIcon,
    recordRepresentation: (record: { version?: number; title?: string }) => `v${record.version} — ${record.title}`,
};
