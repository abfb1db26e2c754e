import type { ErrorCode } from '../domain/result';

/** The HTTP status that goes with each error code of the automation API. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  no_project: 409,
  project_too_new: 409,
  project_corrupt: 422,
  io_error: 500,
  disk_full: 507,
  internal: 500,
};
