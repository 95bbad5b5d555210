import type { FieldDef } from '../../../../shared/forms/formTypes';
import { ChoiceInput, YesNoInput } from './ChoiceInputs';
import { DateInput } from './DateInput';
import type { FieldProps } from './fieldProps';
import { GroupInput } from './GroupInput';
import { PersonNameInput } from './PersonNameInput';
import { PhotoInput } from './PhotoInput';
import { NumberInput, TextInput } from './SimpleInputs';
import { TerritoryInput } from './TerritoryInput';

type Of<K extends FieldDef['kind']> = FieldProps<Extract<FieldDef, { kind: K }>>;

/** The input for a field of any kind (the form knows its fields only as data). */
export function FieldInput(props: FieldProps) {
  switch (props.field.kind) {
    case 'text':
    case 'phone':
    case 'email':
    case 'pin':
      return <TextInput {...(props as Of<'text' | 'phone' | 'email' | 'pin'>)} />;
    case 'number':
      return <NumberInput {...(props as Of<'number'>)} />;
    case 'date':
      return <DateInput {...(props as Of<'date'>)} />;
    case 'choice':
      return <ChoiceInput {...(props as Of<'choice'>)} />;
    case 'territory':
      return <TerritoryInput {...(props as Of<'territory'>)} />;
    case 'yesNo':
      return <YesNoInput {...(props as Of<'yesNo'>)} />;
    case 'personName':
      return <PersonNameInput {...(props as Of<'personName'>)} />;
    case 'photo':
      return <PhotoInput {...(props as Of<'photo'>)} />;
    case 'group':
      return <GroupInput {...(props as Of<'group'>)} />;
  }
}
