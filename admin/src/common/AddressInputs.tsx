import { required, TextInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { CommuneChoices, type Commune } from './CommuneChoices';
import * as rules from './validators';

/**
 * Postal code, commune and département of a form (structures, places, sponsors), with the
 * communes the postal code serves offered as choices: one click fills the commune and its
 * département, which the server checks against the postal code.
 */
export const AddressInputs = ({ fullWidth }: { fullWidth?: boolean }) => {
    const translate = useTranslate();
    const { setValue } = useFormContext();
    const [postalCode, city, departement] = useWatch({ name: ['postalCode', 'city', 'departement'] }) as (string | null | undefined)[];
    const pick = (commune: Commune) => {
        const options = { shouldDirty: true, shouldValidate: true, shouldTouch: true };
        setValue('city', commune.nom, options);
        setValue('departement', commune.departement, options);
    };
    return (
        <>
            <TextInput fullWidth={fullWidth} source="postalCode" validate={[required(), rules.postalCode()]} />
            <TextInput fullWidth={fullWidth} source="city" validate={required()} />
            <TextInput fullWidth={fullWidth} source="departement" validate={[required(), rules.departement()]} />
            <CommuneChoices
                postalCode={postalCode ?? ''}
                city={city ?? ''}
                departement={departement ?? ''}
                onPick={pick}
                labels={{ one: translate('communeChoices.one'), many: translate('communeChoices.many') }}
                sx={{ gridColumn: '1 / -1', mb: 2 }}
            />
        </>
    );
};
