// A tiny bank for the withholding demo (代扣): given the batch file GridCare sends, it answers the result
// file the bank would return — every `failEvery`-th line fails with 账户余额不足, the rest succeed with a
// bank transaction number. Columns follow GridCare's batch file (apps/server payments withholding):
//   batch file:  批次号,序号,户号,户名,银行代码,银行账号,金额
//   result file: 批次号,序号,户号,金额,结果,银行流水号,失败原因      (结果 = SUCCESS | FAIL)
import { createHash } from 'node:crypto';

function cells(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
}

export function withholdingResultCsv(batchCsv: string, opts: { failEvery?: number } = {}): string {
  const failEvery = opts.failEvery && opts.failEvery > 0 ? Math.floor(opts.failEvery) : 0;
  const lines = batchCsv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const out = ['批次号,序号,户号,金额,结果,银行流水号,失败原因'];
  for (const line of lines.slice(1)) {
    const [batchNo, lineNo, accountNo, , , , amount] = cells(line);
    const fail = failEvery > 0 && Number(lineNo) % failEvery === 0;
    const txn = fail
      ? ''
      : 'BK' + createHash('sha256').update(`${batchNo}:${lineNo}`).digest('hex').slice(0, 16).toUpperCase();
    out.push(
      [batchNo, lineNo, accountNo, amount, fail ? 'FAIL' : 'SUCCESS', txn, fail ? '账户余额不足' : ''].join(
        ',',
      ),
    );
  }
  return out.join('\r\n') + '\r\n';
}
