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
        <Card sx={{ flex: '1 1 380px', minWidth: 0, overflow: 'hidden' }} data-testid={testId}>
            <CardContent>
                <Typography variant="h6" gutterBottom>
                    {title}
                </Typography>
                {/* Horizontal bars: French status labels are long and stay readable on the axis. */}
                <ResponsiveContainer width="100%" height={Math.max(160, data.length * 36 + 40)}>
                    <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
                        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                        <XAxis type="number" allowDecimals={false} />
                        <YAxis type="category" dataKey="status" width={150} interval={0} tick={{ fontSize: 12 }} />
                        <Tooltip formatter={(value: any) => [value, translate('dashboard.count')]} />
                        <Bar
                            dataKey="count"
                            fill={theme.palette.primary.main}
                            radius={[0, 4, 4, 0]}
                            label={{ position: 'right', fontSize: 12 }}
                            isAnimationActive={false}
                        />
                    </BarChart>
                </ResponsiveContainer>
            </CardContent>
        </Card>
    );
};
