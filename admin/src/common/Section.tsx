import type { ReactNode } from 'react';
import { Box, Divider, Stack, Typography } from '@mui/material';
import { Labeled, useTranslate } from 'react-admin';

/** A titled block of a record page; its fields flow in columns as wide as the page allows. */
export const Section = ({
    title,
    children,
    columns = true,
    action,
    testId,
}: {
    title: string;
    children: ReactNode;
    /** false: the children take the whole width (tables, texts). */
    columns?: boolean;
    action?: ReactNode;
    testId?: string;
}) => {
    const translate = useTranslate();
    return (
        <Box component="section" sx={{ mb: 3 }} data-testid={testId}>
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1, gap: 1 }}>
                <Typography variant="h6" component="h2" sx={{ fontSize: '1.05rem', flex: 1 }}>
                    {translate(title, { _: title })}
                </Typography>
                {action}
            </Stack>
            <Divider sx={{ mb: 1.5 }} />
            {columns ? (
                <Box
                    sx={{
                        display: 'grid',
                        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
                        columnGap: 3,
                        rowGap: 1.5,
                    }}
                >
                    {children}
                </Box>
            ) : (
                children
            )}
        </Box>
    );
};

/** A label above a value that is not a record field (a computed check, a version…). */
export const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Labeled label={translate(label, { _: label })} isRequired={false}>
            <Box component="span" sx={{ typography: 'body2' }}>
                {children}
            </Box>
        </Labeled>
    );
};
