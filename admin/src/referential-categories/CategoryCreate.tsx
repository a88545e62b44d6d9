import { Create } from 'react-admin';
import { CategoryForm, categoryPayload } from './CategoryForm';

export const CategoryCreate = () => (
    <Create redirect="show" transform={categoryPayload}>
        <CategoryForm />
    </Create>
);
