// Field validators shared by every schema that carries a certificate or a phone number.
import { z } from 'zod';
import { creditCodeProblem, isValidMobile, isValidPhone, residentIdProblem } from '@gridcare/domain';
import { msg, type MessageKey } from './messages';

export const MobileNumber = z
  .string()
  .trim()
  .refine((v) => isValidMobile(v), { message: msg('phone.mobile') });

export const PhoneNumber = z
  .string()
  .trim()
  .refine((v) => isValidPhone(v), { message: msg('phone.any') });

export const Email = z
  .string()
  .trim()
  .email({ message: msg('email.invalid') });
export const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: msg('time.hhmm') });
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: msg('period.format') });

/** Adds a field error when a resident ID or credit code fails its check rules. */
export function certificateIssue(
  certType: string | null | undefined,
  certNo: string | null | undefined,
): MessageKey | null {
  if (!certType || certType === 'passport' || certType === 'other') return null;
  if (!certNo) return 'cert.required';
  if (certType === 'resident_id') {
    const p = residentIdProblem(certNo);
    return p ? (`cert.${p}` as MessageKey) : null;
  }
  const p = creditCodeProblem(certNo);
  return p ? (`cert.${p}` as MessageKey) : null;
}
