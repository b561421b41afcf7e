import { describe, expect, it } from 'vitest';
import {
  duplicateReason,
  normaliseAddress,
  normaliseCertificate,
  normaliseName,
  type DuplicateCandidate,
} from './duplicates';

// Archive quality, domain.md §2: same certificate number, or same name + phone + address.
const existing: DuplicateCandidate = {
  id: 1,
  name: '张 三',
  certNo: '11010119800101123x',
  phones: ['138-1234-5678'],
  addresses: ['江西省南昌市东湖区八一大道１２号'],
};

describe('duplicateReason', () => {
  it.each([
    [
      'same certificate, other name',
      { name: '李四', certNo: '11010119800101123X', phones: [], addresses: [] },
      'same_certificate',
    ],
    [
      'same certificate with spaces and lower-case x',
      { name: '李四', certNo: ' 110101 19800101123x', phones: [], addresses: [] },
      'same_certificate',
    ],
    [
      'same name, phone and address after normalising',
      { name: '张三', phones: ['13812345678'], addresses: ['江西省南昌市东湖区八一大道12号'] },
      'same_name_phone_address',
    ],
    [
      'same name and phone, other address',
      { name: '张三', phones: ['13812345678'], addresses: ['江西省南昌市西湖区1号'] },
      null,
    ],
    [
      'same name and address, other phone',
      { name: '张三', phones: ['13900000000'], addresses: ['江西省南昌市东湖区八一大道12号'] },
      null,
    ],
    [
      'other name, same phone and address',
      { name: '张四', phones: ['13812345678'], addresses: ['江西省南昌市东湖区八一大道12号'] },
      null,
    ],
    [
      'different certificates but same name + phone + address',
      {
        name: '张三',
        certNo: '110101199001011237',
        phones: ['13812345678'],
        addresses: ['江西省南昌市东湖区八一大道12号'],
      },
      'same_name_phone_address',
    ],
    ['nothing in common', { name: '王五', phones: [], addresses: [] }, null],
  ] as const)('%s → %s', (_label, incoming, expected) => {
    expect(
      duplicateReason(
        { ...incoming, phones: [...incoming.phones], addresses: [...incoming.addresses] },
        existing,
      ),
    ).toBe(expected);
  });

  it('does not match on an empty certificate on either side', () => {
    expect(
      duplicateReason(
        { name: '李四', certNo: null, phones: [], addresses: [] },
        { ...existing, certNo: null },
      ),
    ).toBeNull();
  });
});

describe('normalisation', () => {
  it.each([
    ['张 三', '张三'],
    ['ABC 公司（南昌）', 'abc公司南昌'],
    ['欧阳·娜娜', '欧阳娜娜'],
  ])('name %s → %s', (raw, expected) => expect(normaliseName(raw)).toBe(expected));

  it.each([
    ['八一大道 １２ 号', '八一大道12'],
    ['Room 3-1, 阳明路', 'room31阳明路'],
  ])('address %s → %s', (raw, expected) => expect(normaliseAddress(raw)).toBe(expected));

  it('upper-cases and strips spaces from certificates', () => {
    expect(normaliseCertificate(' 9111 0108abc ')).toBe('91110108ABC');
  });
});
