/**
 * What is wrong with a value, as a stable code and parameters; the UI and the backend translate
 * it under `form.<code>` in the operator's language. `path` is the field id, with group items as
 * `relatives.2.name`.
 */
export interface FormIssue {
  path: string;
  code: FormIssueCode;
  params?: Record<string, string>;
}

export type FormIssueCode =
  | 'required'
  | 'tooLong'
  | 'wrongType'
  | 'dateInvalid'
  | 'dateInFuture'
  | 'dateBefore'
  | 'unknownCode'
  | 'wrongLevel'
  | 'numberRange'
  | 'numberInteger'
  | 'nameCharacters'
  | 'pinFormat'
  | 'pinBirthDate'
  | 'pinSex'
  | 'phoneFormat'
  | 'emailFormat'
  | 'photoType'
  | 'photoTooLarge'
  | 'tooFewItems'
  | 'tooManyItems'
  | 'unknownField'
  | 'notEditable';
