import type { ErrorCode } from '../../shared/api/errorCodes';

/** A refusal a handler means to give: its code is stable, its message comes from the catalogue. */
export class BalaError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'BalaError';
  }
}
