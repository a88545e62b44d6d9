import { useCanAccess } from 'react-admin';
import { ClaimButton } from './ClaimButton';
import { ApproveButton } from './ApproveButton';
import { HoldButton } from './HoldButton';
import { RejectButton } from './RejectButton';

/** The decisions a reviewer can take on the application in its current status (W on applications). */
export const ApplicationWorkflow = () => {
    const { canAccess } = useCanAccess({ resource: 'applications', action: 'edit' });
    if (!canAccess) return null;
    return (
        <>
            <ClaimButton />
            <ApproveButton />
            <HoldButton />
            <RejectButton />
        </>
    );
};
