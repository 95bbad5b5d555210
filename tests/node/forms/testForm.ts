import type { Classifier } from '../../../shared/forms/classifier';
import type { FormDef } from '../../../shared/forms/formTypes';

const n = (en: string) => ({ ky: `${en} (ky)`, ru: `${en} (ru)`, az: `${en} (az)`, kk: `${en} (kk)`, en });

/** A small form of every field kind, belonging to no pack: the engine must not need one. */
export const sexes: Classifier = {
  id: 'test.sex',
  version: '1',
  source: 'test',
  names: n('Sex'),
  entries: [
    { code: 'female', names: n('Female') },
    { code: 'male', names: n('Male') },
  ],
};

export const places: Classifier = {
  id: 'test.places',
  version: '1',
  source: 'test',
  names: n('Places'),
  entries: [
    { code: 'R1', kind: 'region', names: n('Region 1') },
    { code: 'R1-D1', kind: 'district', parent: 'R1', names: n('District 1') },
  ],
};

export const testForm: FormDef = {
  id: 'test.child',
  version: 1,
  title: n('Child'),
  titleField: 'name',
  sections: [
    {
      id: 'identity',
      title: n('Identity'),
      fields: [
        { id: 'name', kind: 'personName', patronymic: 'optional', label: n('Name'), required: true },
        { id: 'sex', kind: 'choice', classifier: 'test.sex', label: n('Sex'), required: true },
        { id: 'birthDate', kind: 'date', notInFuture: true, label: n('Birth date'), required: true },
        { id: 'pin', kind: 'pin', country: 'KG', birthDateField: 'birthDate', sexField: 'sex', label: n('PIN') },
        { id: 'admittedOn', kind: 'date', notInFuture: true, notBefore: 'birthDate', label: n('Admitted'), required: true },
        { id: 'from', kind: 'territory', classifier: 'test.places', level: 'district', label: n('Came from') },
        { id: 'disabled', kind: 'yesNo', label: n('Disability') },
        { id: 'capacity', kind: 'number', min: 1, max: 2000, integer: true, label: n('Capacity') },
        { id: 'notes', kind: 'text', maxLength: 20, label: n('Notes') },
        { id: 'accreditation', kind: 'text', maxLength: 40, label: n('Accreditation no.') },
        { id: 'accreditedUntil', kind: 'date', requiredWhen: { field: 'accreditation', filled: true }, label: n('Valid until') },
        { id: 'phone', kind: 'phone', label: n('Phone') },
        { id: 'email', kind: 'email', label: n('E-mail') },
        { id: 'photo', kind: 'photo', maxBytes: 2_000_000, label: n('Photo') },
      ],
    },
    {
      id: 'family',
      title: n('Family'),
      access: { view: ['holder', 'operator', 'ministry'], edit: ['holder'] },
      fields: [
        {
          id: 'relatives',
          kind: 'group',
          maxItems: 3,
          itemLabel: n('Relative'),
          label: n('Relatives'),
          fields: [
            { id: 'name', kind: 'personName', patronymic: 'optional', label: n('Name'), required: true },
            { id: 'kind', kind: 'choice', classifier: 'test.sex', label: n('Kind'), required: true },
          ],
        },
      ],
    },
  ],
};

export const classifiers = { 'test.sex': sexes, 'test.places': places };
