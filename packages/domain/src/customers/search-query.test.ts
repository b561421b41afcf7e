import { describe, expect, it } from 'vitest';
import { classifySearchQuery } from './search-query';

// The one search box: what the text looks like decides which exact indexes are asked first;
// the name/address fragment search is always a fallback.
describe('classifySearchQuery', () => {
  it.each([
    ['5678', ['phone_last4', 'text']],
    ['13812345678', ['phone_full', 'text']],
    ['138-1234-5678', ['phone_full', 'text']],
    ['12812345678', ['text']], // 12x is not a mobile prefix
    ['3000000001', ['account_no', 'text']],
    ['C1000000001', ['customer_no', 'text']],
    ['c1000000001', ['customer_no', 'text']],
    ['C1234567', ['text']], // too short for a customer number
    ['11010119800101123X', ['certificate', 'text']],
    ['11010119800101123x', ['certificate', 'text']],
    ['91110108MA01ABCD1X', ['certificate', 'text']],
    ['张三', ['text']],
    ['八一大道12号', ['text']],
    ['123', ['text']],
  ] as const)('%s → %o', (raw, kinds) => {
    expect(classifySearchQuery(raw).kinds).toEqual(kinds);
  });

  it('trims and collapses whitespace in the text it keeps', () => {
    expect(classifySearchQuery('  八一大道   12号 ').text).toBe('八一大道 12号');
  });
});
