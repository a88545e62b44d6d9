import { Box, Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/**
 * A long text (a charter) laid out to be read: paragraphs at blank lines, "# " headings,
 * "- " bullet lists. Plain text rendered by React: nothing in it is interpreted as HTML.
 */
export const TextBody = (props: FieldProps) => {
    const value = useFieldValue(props) as string | null | undefined;
    if (!value) return null;
    const blocks = value.replace(/\r\n/g, '\n').split(/\n\s*\n/);
    return (
        <Box sx={{ maxWidth: 760, '& p': { mb: 1.5 }, lineHeight: 1.7 }} data-testid="text-body">
            {blocks.map((block, index) => {
                const lines = block.split('\n').filter(line => line.trim() !== '');
                if (lines.length === 0) return null;
                const heading = /^(#{1,3})\s+(.*)$/.exec(lines[0]);
                if (heading && lines.length === 1) {
                    return (
                        <Typography key={index} variant={heading[1].length === 1 ? 'h6' : 'subtitle1'} sx={{ mt: 2, mb: 1 }}>
                            {heading[2]}
                        </Typography>
                    );
                }
                if (lines.every(line => /^\s*[-*•]\s+/.test(line))) {
                    return (
                        <Box component="ul" key={index} sx={{ mt: 0, mb: 1.5, pl: 3 }}>
                            {lines.map((line, i) => (
                                <Typography component="li" variant="body1" key={i}>
                                    {line.replace(/^\s*[-*•]\s+/, '')}
                                </Typography>
                            ))}
                        </Box>
                    );
                }
                return (
                    <Typography key={index} variant="body1" component="p" sx={{ whiteSpace: 'pre-line' }}>
                        {lines.join('\n')}
                    </Typography>
                );
            })}
        </Box>
    );
};
