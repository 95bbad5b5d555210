import type { z } from 'zod';

/** An API operation: its runtime-validated input and (as a phantom type) its result. */
export interface OperationDef<I extends z.ZodType, O> {
  readonly input: I;
  readonly summary: string;
  /** Never set: carries the result type for the compiler only. */
  readonly __result?: O;
}

/** `operation<Result>()({ input, summary })` — the result type is given, the input inferred. */
export const operation =
  <O>() =>
  <I extends z.ZodType>(def: { input: I; summary: string }): OperationDef<I, O> =>
    def;
