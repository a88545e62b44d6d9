import { Edit } from 'react-admin';
import { CategoryForm, categoryPayload } from './CategoryForm';

export const CategoryEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={categoryPayload}>
        <CategoryForm />
    </Edit>
);
