import { AutocompleteInput, ReferenceInput, type SortPayload, type Validator } from 'react-admin';

export interface RefInputProps {
    source: string;
    reference: string;
    label?: string;
    alwaysOn?: boolean;
    validate?: Validator | Validator[];
    sort?: SortPayload;
    filter?: Record<string, unknown>;
}

/**
 * Filter or form input on a foreign key: autocomplete over the referenced resource, searching
 * with its `q` full-text filter. The label comes from `resources.<resource>.fields.<source>`.
 */
export const RefInput = ({ alwaysOn: _alwaysOn, validate, label, ...props }: RefInputProps) => (
    <ReferenceInput {...props}>
        <AutocompleteInput
            label={label}
            filterToQuery={(q: string) => (q ? { q } : {})}
            validate={validate}
            sx={{ minWidth: 240 }}
        />
    </ReferenceInput>
);
