import { Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal, useGetIdentity, useTranslate } from 'react-admin';

/** The stock app bar (locale menu, refresh, user menu) plus the signed-in role. */
export const AppBar = () => {
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    return (
        <RaAppBar color="primary">
            {/* The title takes the free width (a spacer beside it would cut long record titles in half). */}
            <TitlePortal />
            {identity?.role && (
                <Typography variant="body2" sx={{ mr: 1, opacity: 0.85 }} data-testid="role">
                    {translate(`enums.Role.${identity.role}`)}
                </Typography>
            )}
        </RaAppBar>
    );
};
