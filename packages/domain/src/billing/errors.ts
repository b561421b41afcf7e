import type { BillingErrorCode } from './types';

/** An input priceBill cannot price; the bill run records it against the account and goes on. */
export class BillingInputError extends Error {
  readonly code: BillingErrorCode;
  readonly path: string;

  constructor(code: BillingErrorCode, path: string, message: string) {
    super(message);
    this.name = 'BillingInputError';
    this.code = code;
    this.path = path;
  }
}
