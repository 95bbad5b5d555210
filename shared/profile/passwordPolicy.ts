/** Password rules for operators (Pack 1 §9.6, §10.3): checked on the workstation and the server. */
export const passwordPolicy = { minLength: 10, maxLength: 128, minClasses: 3 } as const;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooSimple' | 'containsUsername';

/** Character classes: lower case, upper case, digits, anything else (any script counts). */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < passwordPolicy.minLength) problems.push('tooShort');
  if (length > passwordPolicy.maxLength) problems.push('tooLong');
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (classes < passwordPolicy.minClasses) problems.push('tooSimple');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('containsUsername');
  return problems;
}
