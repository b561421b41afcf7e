import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode } from './credit-code';
import { residentIdCheckCharacter, residentIdProblem } from './resident-id';
import { isValidLandline, isValidMobile, isValidPhone, normaliseMobile } from './phone';
import { maskCertificate, maskEmail, maskPhone } from './masking';

const TODAY = new Date('2026-11-22T00:00:00Z');

describe('resident ID (GB 11643)', () => {
  // 11010519491231002X is the example printed in GB 11643: 17 digits weighted 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2
  // sum to 167, 167 mod 11 = 2, and position 2 of "10X98765432" is X.
  it.each([
    ['11010519491231002X', null],
    ['11010519491231002x', null],
    ['110105194912310021', 'check_character'],
    ['11010519491231002', 'format'],
    ['1101051949123100211', 'format'],
    ['A1010519491231002X', 'format'],
    ['010105194912310021', 'region'],
    ['910105194912310021', 'region'],
    ['110105194902300023', 'birth_date'], // 30 February
    ['110105189912310020', 'birth_date'], // before 1900
    ['110105202812310021', 'birth_date'], // born after today
  ])('%s → %s', (id, problem) => {
    expect(residentIdProblem(id, TODAY)).toBe(problem);
  });

  it('computes the check character for every remainder', () => {
    // A body whose weighted sum is a multiple of 11 has remainder 0 → check '1'.
    expect(residentIdCheckCharacter('00000000000000000')).toBe('1');
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });
});

describe('unified social credit code (GB 32100)', () => {
  // 91350100M000100Y43 is the standard's worked example; the check character 3 follows from
  // 31 − (Σ value×weight mod 31).
  it.each([
    ['91350100M000100Y43', null],
    ['91350100m000100y43', null],
    ['91350100M000100Y44', 'check_character'],
    ['91350100M000100Y4', 'format'],
    ['91350100M000100I43', 'format'], // I is not in the alphabet
    ['Z1350100M000100Y43', 'format'],
    ['B1350100M000100Y43', 'authority'],
    ['913A0100M000100Y43', 'region'],
  ])('%s → %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('maps a remainder of 0 to check character 0, not 31', () => {
    // Σ = 0 for an all-zero body, so (31 − 0) mod 31 = 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(isValidCreditCode('1' + '0'.repeat(16) + creditCodeCheckCharacter('1' + '0'.repeat(16)))).toBe(
      true,
    );
  });

  it('rejects a body with letters outside the 31-character alphabet', () => {
    expect(creditCodeCheckCharacter('9135010OM000100Y4')).toBeNull();
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', true],
    ['+86 138 1234 5678', true],
    ['0086-13812345678', true],
    ['19912345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['2381234567a', false],
  ])('mobile %s → %s', (v, ok) => {
    expect(isValidMobile(v)).toBe(ok);
  });

  it.each([
    ['0791-86123456', true],
    ['010-12345678', true],
    ['079186123456', true],
    ['0791-8612345-123', true],
    ['791-86123456', false],
    ['0791-861234', false],
  ])('landline %s → %s', (v, ok) => {
    expect(isValidLandline(v)).toBe(ok);
  });

  it('accepts either kind as a phone and normalises the country prefix', () => {
    expect(isValidPhone('0791-86123456')).toBe(true);
    expect(isValidPhone('13812345678')).toBe(true);
    expect(normaliseMobile('+86 138-1234-5678')).toBe('13812345678');
  });
});

describe('masking of personal data', () => {
  it('keeps the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('12345')).toBe('*****');
  });

  it('keeps the first 4 and last 4 characters of a certificate', () => {
    expect(maskCertificate('360102199001011234')).toBe('3601**********1234');
    expect(maskCertificate('91350100M000100Y43')).toBe('9135**********0Y43');
  });

  it('hides the local part of an email', () => {
    expect(maskEmail('zhang.san@example.cn')).toBe('z***@example.cn');
  });
});
