// Services throw DomainError with a code; only the HTTP layer turns codes into statuses.
import type { MessageKey } from '@gridcare/contracts';

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'bad_credentials'
  | 'locked'
  | 'forbidden'
  | 'not_found'
  | 'version_conflict'
  | 'duplicate'
  | 'conflict'
  | 'unique'
  | 'idempotency_mismatch'
  | 'rate_limited'
  | 'payload_too_large'
  | 'bad_file'
  | 'invalid_state'
  | 'org_hierarchy'
  | 'manager_not_eligible'
  // Work orders: the state machine refused the action (packages/domain work-order-state).
  | 'illegal_transition'
  | 'order_paused'
  | 'order_not_paused'
  // Customer portal: a wrong, expired, used or exhausted login code (one answer for all, see modules/portal).
  | 'bad_code';

export const STATUS_OF: Record<ErrorCode, number> = {
  validation: 400,
  bad_file: 400,
  org_hierarchy: 400,
  manager_not_eligible: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  bad_code: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  duplicate: 409,
  conflict: 409,
  unique: 409,
  idempotency_mismatch: 409,
  invalid_state: 409,
  illegal_transition: 409,
  order_paused: 409,
  order_not_paused: 409,
  payload_too_large: 413,
  locked: 429,
  rate_limited: 429,
};

export interface ErrorDetail {
  path: string;
  /** A message text or a `msg:` catalogue key. */
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetail[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const notFound = () => new DomainError('not_found');
export const forbidden = () => new DomainError('forbidden');
export const versionConflict = () => new DomainError('version_conflict');
export const invalid = (path: string, message: string) => new DomainError('validation', [{ path, message }]);

export function messageKeyOf(code: ErrorCode): MessageKey {
  return `error.${code}` as MessageKey;
}
