import { RecordEdit } from '../common';
import { CategoryForm, categoryPayload } from './CategoryForm';

export const CategoryEdit = () => (
    <RecordEdit redirect="show" transform={categoryPayload}>
        <CategoryForm />
    </RecordEdit>
);
