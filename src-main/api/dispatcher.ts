import { isOperationName, contract, type OperationName } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/errorCodes';
import { fail, ok, type FieldError, type Result } from '../../shared/api/result';
import { toFieldErrors } from '../../shared/api/validationErrors';
import { BalaError } from './balaError';
import type { BackendContext, Handler, Handlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatcherLog {
  /** Gets only the operation name and the error's class and stack — never the input. */
  internalError(operation: string, error: unknown): void;
}

/**
 * The one entry point every transport uses: checks the operation exists, validates the input
 * with the contract's schema, runs the handler, and always answers a Result — never throws.
 */
export function createDispatcher(handlers: Handlers, ctx: BackendContext, log: DispatcherLog): Dispatch {
  const refuse = (code: ErrorCode, params: Record<string, string> = {}, fields?: FieldError[]) =>
    fail({ code, message: ctx.t()(`errors.${code}`, params), ...(fields ? { fields } : {}) });

  return async (name, input) => {
    if (!isOperationName(name)) return refuse('UNKNOWN_OPERATION', { name: String(name).slice(0, 80) });
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) return refuse('INVALID_INPUT', {}, toFieldErrors(parsed.error.issues, ctx.t()));
    try {
      // The contract and the handler map are keyed alike; TS cannot correlate them by `name`.
      const handler = handlers[name] as Handler<OperationName>;
      return ok(await handler(parsed.data as never, ctx));
    } catch (error) {
      if (error instanceof BalaError) return refuse(error.code, error.params, error.fields);
      log.internalError(name, error);
      return refuse('INTERNAL');
    }
  };
}
