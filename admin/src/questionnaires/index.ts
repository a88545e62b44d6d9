import QuestionnaireIcon from '@mui/icons-material/Quiz';
import { QuestionnaireList } from './QuestionnaireList';
import { QuestionnaireShow } from './QuestionnaireShow';
import { QuestionnaireCreate } from './QuestionnaireCreate';
import { QuestionnaireEdit } from './QuestionnaireEdit';

export default {
    list: QuestionnaireList,
    show: QuestionnaireShow,
    create: QuestionnaireCreate,
    edit: QuestionnaireEdit,
    icon: QuestionnaireIcon,
    recordRepresentation: (record: { version?: number; title?: string }) => `v${record.version} — ${record.title}`,
};
