import { Fragment, type ReactNode } from 'react';
import { Grid, TextField } from '@mui/material';
import { fieldMessage, type FormField } from './fields';
import type { FieldErrors } from '../common/fieldErrors';

export interface FormState {
    values: Record<string, string>;
    /** Fields the person has left once (their rule is then shown). */
    left: Set<string>;
    /** The server's refusals, by dotted path, until the field changes. */
    server: FieldErrors;
}

export const emptyForm = (): FormState => ({ values: {}, left: new Set(), server: {} });

/**
 * A group of text fields of the form, each with its rule checked as typed and the server's message;
 * `after` puts a whole line under one field (e.g. the communes of the postal code).
 */
export const FieldInputs = ({ fields, state, onChange, after }: { fields: FormField[]; state: FormState; onChange: (next: FormState) => void; after?: { field: string; node: ReactNode } }) => (
    <Grid container spacing={2}>
        {fields.map(field => {
            const value = state.values[field.path] ?? '';
            const message = fieldMessage(field, value, state.left.has(field.path), state.server[field.path]);
            return (
                <Fragment key={field.path}>
                    <Grid size={{ xs: 12, sm: field.width ?? 12 }}>
                        <TextField
                            id={field.path.replace('.', '-')}
                            name={field.path}
                            label={field.label}
                            required={field.required}
                            type={field.type ?? 'text'}
                            autoComplete={field.autoComplete ?? 'off'}
                            value={value}
                            error={message !== undefined}
                            helperText={message ?? field.help ?? ' '}
                            slotProps={{ htmlInput: { 'data-field': field.path } }}
                            onChange={event => {
                                const server = { ...state.server };
                                delete server[field.path];
                                onChange({ ...state, values: { ...state.values, [field.path]: event.target.value }, server });
                            }}
                            onBlur={() => onChange({ ...state, left: new Set(state.left).add(field.path) })}
                        />
                    </Grid>
                    {after?.field === field.path && <Grid size={12}>{after.node}</Grid>}
                </Fragment>
            );
        })}
    </Grid>
);
