import { Chip, Stack } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

export interface QuickFilter {
    /** i18n key of the chip. */
    label: string;
    /** Filter values the chip sets (undefined values remove that filter). */
    filter: Record<string, unknown>;
    testId?: string;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * One-click views of a list ("À traiter", "Mes demandes"…): each chip sets its filter values on
 * top of the others, and is shown selected while the list's filters match it; a second click
 * on a selected chip removes its filter.
 */
export const QuickFilters = ({ filters }: { filters: QuickFilter[] }) => {
    const { filterValues, displayedFilters, setFilters } = useListContext();
    const translate = useTranslate();
    return (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            {filters.map(quick => {
                const active = Object.entries(quick.filter).every(([key, value]) => sameValue(filterValues[key], value));
                const toggle = () => {
                    const next: Record<string, unknown> = { ...filterValues };
                    const shown: Record<string, boolean> = { ...displayedFilters };
                    for (const [key, value] of Object.entries(quick.filter)) {
                        if (active || value === undefined) {
                            delete next[key];
                        } else {
                            next[key] = value;
                            shown[key] = true;
                        }
                    }
                    setFilters(next, shown);
                };
                return (
                    <Chip
                        key={quick.label}
                        label={translate(quick.label)}
                        color={active ? 'primary' : 'default'}
                        variant={active ? 'filled' : 'outlined'}
                        onClick={toggle}
                        data-testid={quick.testId}
                        aria-pressed={active}
                    />
                );
            })}
        </Stack>
    );
};
