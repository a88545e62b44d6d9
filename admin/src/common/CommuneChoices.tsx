import { useEffect, useState } from 'react';
import { Box, Chip, Typography, type SxProps } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { isValidPostalCode, normalizeName, type Commune } from '../../../server/src/rules/postal';

export type { Commune };

/** Answers already read in this page: a postal code's communes do not change while it is open. */
const known = new Map<string, Commune[]>();

const complete = (postalCode: string) => {
    const code = postalCode.replace(/\s+/g, '');
    return isValidPostalCode(code) ? code : null;
};

/** The communes of a complete postal code (none while it is being typed, or for a CEDEX code). */
export function useCommunes(postalCode: string): Commune[] {
    const code = complete(postalCode);
    const [communes, setCommunes] = useState<Commune[]>(() => (code ? known.get(code) ?? [] : []));
    useEffect(() => {
        if (!code) return setCommunes([]);
        const cached = known.get(code);
        if (cached) return setCommunes(cached);
        let current = true;
        setCommunes([]);
        fetch(`/api/public/communes?postalCode=${code}`)
            .then(res => (res.ok ? (res.json() as Promise<Commune[]>) : null))
            .then(
                list => {
                    // Only an answer is kept: after a refusal (too many requests…) the next visit asks again.
                    if (list === null) return;
                    known.set(code, list);
                    if (current) setCommunes(list);
                },
                // Unreachable server: the choices are a help, the form still works without them.
                () => undefined
            );
        return () => {
            current = false;
        };
    }, [code]);
    return communes;
}

/**
 * Under an address: the communes its postal code serves, each a choice that fills the commune and
 * the département (the server refuses a postal code outside its département and names the same
 * communes). The one already chosen is marked.
 */
export const CommuneChoices = ({
    postalCode,
    city,
    departement,
    onPick,
    labels = { one: 'Commune de ce code postal :', many: 'Communes de ce code postal :' },
    sx,
}: {
    postalCode: string;
    city: string;
    departement: string;
    onPick: (commune: Commune) => void;
    /** The words before the choices (the console passes its translation). */
    labels?: { one: string; many: string };
    sx?: SxProps;
}) => {
    const communes = useCommunes(postalCode);
    if (communes.length === 0) return null;
    return (
        <Box data-testid="commune-choices" sx={[{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }, ...(Array.isArray(sx) ? sx : [sx])]}>
            <Typography variant="body2" color="text.secondary" component="span">
                {communes.length > 1 ? labels.many : labels.one}
            </Typography>
            {communes.map(c => {
                const chosen = normalizeName(c.nom) === normalizeName(city) && c.departement === departement.trim().toUpperCase();
                return (
                    <Chip
                        key={c.codeInsee}
                        size="small"
                        label={`${c.nom} (${c.departement})`}
                        color={chosen ? 'primary' : 'default'}
                        variant={chosen ? 'filled' : 'outlined'}
                        icon={chosen ? <CheckIcon /> : undefined}
                        aria-pressed={chosen}
                        onClick={() => onPick(c)}
                        data-commune={c.codeInsee}
                    />
                );
            })}
        </Box>
    );
};
