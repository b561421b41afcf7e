import { describe, expect, it } from 'vitest';
import { lateFee, type LateFeeInput } from './late-fee';

// 供电营业规则 Art. 98; domain.md §10. Expected fees worked out by hand from the rule.
describe('lateFee (电费违约金)', () => {
  const cases: {
    name: string;
    input: LateFeeInput;
    fen: number;
    cur: number;
    earlier: number;
    min?: boolean;
  }[] = [
    {
      name: 'residential 100 yuan, 10 days at 0.1 % = 1.00 yuan (exactly the minimum, not raised)',
      input: { principalFen: 10_000, dueDate: '2026-03-15', asOf: '2026-03-25', residential: true },
      fen: 100,
      cur: 10,
      earlier: 0,
    },
    {
      name: 'residential 500 yuan, 1 day = 0.50 yuan, charged as 1 yuan',
      input: { principalFen: 50_000, dueDate: '2026-01-15', asOf: '2026-01-16', residential: true },
      fen: 100,
      cur: 1,
      earlier: 0,
      min: true,
    },
    {
      name: 'paid on the due date: no late fee and no minimum',
      input: { principalFen: 50_000, dueDate: '2026-01-15', asOf: '2026-01-15', residential: false },
      fen: 0,
      cur: 0,
      earlier: 0,
    },
    {
      name: 'non-residential 10,000 yuan due 25 Dec: 6 days at 0.2 % then 5 days at 0.3 % = 270 yuan',
      input: { principalFen: 1_000_000, dueDate: '2025-12-25', asOf: '2026-01-05', residential: false },
      fen: 27_000,
      cur: 6,
      earlier: 5,
    },
    {
      name: 'residential arrears across the year boundary stay at 0.1 %: 11 days on 1,000 yuan = 11 yuan',
      input: { principalFen: 100_000, dueDate: '2025-12-25', asOf: '2026-01-05', residential: true },
      fen: 1_100,
      cur: 11,
      earlier: 0,
    },
    {
      name: 'half a fen rounds up: 1,005.00 yuan × 0.1 % = 1.005 yuan → 1.01',
      input: { principalFen: 100_500, dueDate: '2026-04-15', asOf: '2026-04-16', residential: true },
      fen: 101,
      cur: 1,
      earlier: 0,
    },
    {
      name: 'under half a fen rounds down: 1,004.99 yuan × 0.1 % = 1.00499 yuan → 1.00',
      input: { principalFen: 100_499, dueDate: '2026-04-15', asOf: '2026-04-16', residential: true },
      fen: 100,
      cur: 1,
      earlier: 0,
    },
    {
      name: '1,234.25 yuan × 0.2 % = 2.4685 yuan → 2.47',
      input: { principalFen: 123_425, dueDate: '2026-04-15', asOf: '2026-04-16', residential: false },
      fen: 247,
      cur: 1,
      earlier: 0,
    },
    {
      name: 'after an earlier assessment only the new days count: 5 days × 0.2 % on 1,000 yuan = 10 yuan',
      input: {
        principalFen: 100_000,
        dueDate: '2026-05-10',
        accruedThrough: '2026-05-20',
        asOf: '2026-05-25',
        residential: false,
      },
      fen: 1_000,
      cur: 5,
      earlier: 0,
    },
    {
      name: 'a top-up after an earlier assessment is not raised to 1 yuan: 10 yuan × 0.2 % = 0.02 yuan',
      input: {
        principalFen: 1_000,
        dueDate: '2026-05-10',
        accruedThrough: '2026-05-20',
        asOf: '2026-05-21',
        residential: false,
      },
      fen: 2,
      cur: 1,
      earlier: 0,
    },
    {
      name: 'arrears of a 2025 bill settled through 31 Dec: every new day in 2026 is at 0.3 %',
      input: {
        principalFen: 100_000,
        dueDate: '2025-06-30',
        accruedThrough: '2025-12-31',
        asOf: '2026-01-10',
        residential: false,
      },
      fen: 3_000,
      cur: 0,
      earlier: 10,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const fee = lateFee(c.input);
      expect(fee.fen).toBe(c.fen);
      expect(fee.currentYearDays).toBe(c.cur);
      expect(fee.earlierYearDays).toBe(c.earlier);
      expect(fee.minimumApplied).toBe(c.min ?? false);
    });
  }

  it('names the rates and days in its explanation', () => {
    const fee = lateFee({
      principalFen: 1_000_000,
      dueDate: '2025-12-25',
      asOf: '2026-01-05',
      residential: false,
    });
    expect(fee.rule).toBe('当年欠费10000.00元×2‰×6天；跨年度欠费10000.00元×3‰×5天');
  });
});
