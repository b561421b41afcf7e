import { describe, expect, it } from 'vitest';
import { maskCustomerName, maskPersonName, maskPremiseAddress } from './portal-masking';

describe('maskPersonName (as bills and the 95598 app show a name)', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张*丰'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '王'],
    [' 李四 ', '李*'],
    ['John Smith', 'J*** S****'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});

describe('maskCustomerName', () => {
  it('shows an organisation’s registered name whole (it is public)', () => {
    expect(maskCustomerName('南昌市八一食品有限公司', 'organisation')).toBe('南昌市八一食品有限公司');
  });

  it('masks a person', () => {
    expect(maskCustomerName('周建国', 'person')).toBe('周*国');
  });
});

describe('maskPremiseAddress', () => {
  it('keeps the area down to the street and hides the house', () => {
    expect(
      maskPremiseAddress({ province: '江西省', city: '南昌市', district: '东湖区', street: '八一大道' }),
    ).toBe('江西省南昌市东湖区八一大道****');
    expect(maskPremiseAddress({ province: '江西省', city: '南昌市', district: '西山区', street: null })).toBe(
      '江西省南昌市西山区****',
    );
  });
});
