import { DateInput, TextInput, minLength, required } from 'react-admin';

/** When and by whom booklets were handed out (the social worker or service). */
export const HandOutInputs = () => (
    <>
        <DateInput source="handedOutOn" label="booklets.handOut.on" validate={required()} fullWidth />
        <TextInput
            source="handedOutBy"
            label="booklets.handOut.by"
            helperText="booklets.handOut.byHelp"
            validate={[required(), minLength(2)]}
            fullWidth
        />
    </>
);
