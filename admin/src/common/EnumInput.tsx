import { SelectArrayInput, SelectInput, type SelectInputProps } from 'react-admin';
import { enumChoices, type EnumName } from './enums';

/** A SelectInput whose choices are an enum of the schema, labelled in the current language. */
export const EnumInput = ({ enum: enumName, ...props }: SelectInputProps & { enum: EnumName }) => (
    <SelectInput choices={enumChoices(enumName)} {...props} />
);

/** Filter on several values of an enum at once (the API treats arrays as IN). */
export const EnumArrayInput = ({ enum: enumName, ...props }: { enum: EnumName; source: string; alwaysOn?: boolean; label?: string }) => (
    <SelectArrayInput choices={enumChoices(enumName)} {...props} />
);
