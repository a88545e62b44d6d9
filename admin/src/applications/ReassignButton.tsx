import { AssignButton } from '../common/AssignButton';

/** "Réattribuer": a claimed application goes to oneself or to an active colleague who reviews (REVIEWER or ADMIN). */
export const ReassignButton = () => <AssignButton resource="applications" action="reassign" roles={['REVIEWER', 'ADMIN']} prefix="reassign" />;
