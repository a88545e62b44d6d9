import { Card, CardContent, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { enums, type EnumName } from '../common';

interface StatusChartProps {
    title: string;
    counts: Record<string, number>;
    enum: EnumName;
    testId?: string;
}

/** A bar per enum value (in lifecycle order), labelled in the current language. */
export const StatusChart = ({ title, counts, enum: enumName, testId }: StatusChartProps) => {
    const translate = useTranslate();
    const theme = useTheme();
    const known = enums[enumName] as readonly string[];
    const values = [...known, ...Object.keys(counts).filter(key => !known.includes(key))];
    const data = values
        .filter(value => counts[value] != null)
        .map(value => ({
            status: translate(`enums.${enumName}.${value}`, { _: value }),
            count: counts[value],
        }));
    return (
        <Card sx={{ flex: '1 1 420px', minWidth: 320 }} data-testid={testId}>
            <CardContent>
                <Typography variant="h6" gutterBottom>
                    {title}
                </Typography>
                <ResponsiveContainer width="100%" height={260}>
                    <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="status" interval={0} tick={{ fontSize: 12 }} />
                        <YAxis allowDecimals={false} />
                        <Tooltip formatter={(value: any) => [value, translate('dashboard.count')]} />
                        <Bar dataKey="count" fill={theme.palette.primary.main} radius={[4, 4, 0, 0]} />
                    </BarChart>
                </ResponsiveContainer>
            </CardContent>
        </Card>
    );
};
