import type { ErrorCode } from '../../shared/api/errorCodes';
import type { FieldError } from '../../shared/api/result';

/** A refusal a handler means to give: its code is stable, its message comes from the catalogue. */
export class BalaError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string> = {},
    /** Per-field problems, already translated (a record failing its form's validation). */
    readonly fields?: FieldError[],
  ) {
    super(code);
    this.name = 'BalaError';
  }
}
