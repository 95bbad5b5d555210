import type { ApiError, Result } from '../../shared/api/result';

/** A refused call, thrown so that TanStack Query marks the query or mutation as failed. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
