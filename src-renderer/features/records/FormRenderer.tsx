import { useTranslation } from 'react-i18next';
import { canEdit, visibleSections } from '../../../shared/forms/access';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import { classifierMap, type PackDef } from '../../../shared/forms/packTypes';
import { isRequired } from '../../../shared/forms/validateForm';
import { isLanguage, defaultLanguage } from '../../../shared/i18n/languages';
import { FieldInput } from './fields/FieldInput';

export interface FormRendererProps {
  pack: PackDef;
  form: FormDef;
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Messages by field path, in the operator's language. */
  errors: Readonly<Record<string, string>>;
  role: string;
  readOnly?: boolean;
}

/** The id of a section's block on the page, for the record's side index. */
export const sectionAnchor = (formId: string, sectionId: string): string => `section-${formId}-${sectionId}`;

/** Any form of any pack: its sections the role may see, each field editable only where the role may edit it. */
export function FormRenderer({ pack, form, values, onChange, errors, role, readOnly = false }: FormRendererProps) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const classifiers = classifierMap(pack);
  return (
    <div className="form-renderer">
      {visibleSections(form, role).map((section) => (
        <fieldset key={section.id} id={sectionAnchor(form.id, section.id)} tabIndex={-1} className="form-section">
          <legend>{section.title[language]}</legend>
          <div className="field-grid">
            {section.fields.map((field) => (
              <FieldInput
                key={field.id}
                field={field}
                value={values[field.id]}
                path={field.id}
                errors={errors}
                language={language}
                classifiers={classifiers}
                required={isRequired(field, values)}
                disabled={readOnly || !canEdit(form.access, role) || !canEdit(section.access, role) || !canEdit(field.access, role)}
                onChange={(next) => {
                  const updated = { ...values, [field.id]: next };
                  if (next === undefined) delete updated[field.id];
                  onChange(updated);
                }}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
