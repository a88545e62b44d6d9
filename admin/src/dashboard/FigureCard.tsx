import type { ComponentType, ReactNode } from 'react';
import { Box, Card, CardActionArea, Typography } from '@mui/material';
import { Link } from 'react-router-dom';

interface FigureCardProps {
    icon: ComponentType<{ fontSize?: 'large' }>;
    title: string;
    value: ReactNode;
    hint?: string;
    to?: string;
    testId?: string;
}

/** One figure of the dashboard, linking to the list it counts. */
export const FigureCard = ({ icon: Icon, title, value, hint, to, testId }: FigureCardProps) => {
    const content = (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 2 }}>
            <Box sx={{ color: 'primary.main', display: 'flex' }}>
                <Icon fontSize="large" />
            </Box>
            <Box sx={{ textAlign: 'right', flex: 1 }}>
                <Typography color="text.secondary" variant="body2">
                    {title}
                </Typography>
                <Typography variant="h4" component="div" data-testid={testId}>
                    {value}
                </Typography>
                {hint && (
                    <Typography color="text.secondary" variant="caption">
                        {hint}
                    </Typography>
                )}
            </Box>
        </Box>
    );
    return (
        <Card sx={{ flex: '1 1 200px', minWidth: 0 }}>
            {to ? (
                <CardActionArea component={Link} to={to}>
                    {content}
                </CardActionArea>
            ) : (
                content
            )}
        </Card>
    );
};
