import QuestionnaireIcon from '@mui/icons-material/Quiz';
import { QuestionnaireList } from './QuestionnaireList';
import { QuestionnaireShow } from './QuestionnaireShow';

export default {
    list: QuestionnaireList,
    show: QuestionnaireShow,
    icon: QuestionnaireIcon,
    recordRepresentation: (record: { version?: number; title?: string }) => `v${record.version} — ${record.title}`,
};
