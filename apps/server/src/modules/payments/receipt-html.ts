// The printable receipt (电费收据): a self-contained HTML page the browser prints (no PDF library).
import type { Payment } from '@gridcare/contracts';
import { yuan } from './posting.service';

const CHANNEL_ZH: Record<Payment['channel'], string> = {
  counter: '柜台收费',
  online: '网上缴费',
  bank_withholding: '银行代扣',
  manager: '客户经理代收',
  prepaid: '预收冲抵',
};

const esc = (s: string | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function receiptHtml(p: Payment, printedAt: Date): string {
  const rows = p.allocations
    .map(
      (a) =>
        `<tr><td>${esc(a.billNo)}</td><td>${esc(a.period)}</td><td class="n">${yuan(a.principalFen)}</td>` +
        `<td class="n">${yuan(a.lateFeeFen)}</td><td>${esc(a.lateFeeRule)}</td></tr>`,
    )
    .join('');
  const time = new Date(p.paidAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>电费收据 ${esc(p.receiptNo)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#000}
h1{text-align:center;font-size:20px;margin:0 0 4px}.sub{text-align:center;margin-bottom:16px}
table{border-collapse:collapse;width:100%;margin:8px 0}td,th{border:1px solid #333;padding:4px 6px;font-size:13px}
.n{text-align:right}.meta td{border:none;padding:2px 6px}.total{font-weight:bold;font-size:15px}
@media print{button{display:none}}
</style></head><body>
<h1>国网示例市供电公司 电费收据</h1>
<div class="sub">收据号 ${esc(p.receiptNo)}</div>
<table class="meta">
<tr><td>户号：${esc(p.accountNo)}</td><td>户名：${esc(p.customerName)}</td></tr>
<tr><td>缴费流水号：${esc(p.paymentNo)}</td><td>缴费方式：${CHANNEL_ZH[p.channel]}</td></tr>
<tr><td>缴费时间：${esc(time)}</td><td>收费员：${esc(p.postedByName ?? '—')}</td></tr>
</table>
<table><thead><tr><th>账单号</th><th>电费年月</th><th>电费（元）</th><th>违约金（元）</th><th>违约金计算</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">无欠费账单，全额转入预收电费</td></tr>'}</tbody></table>
<table class="meta">
<tr><td>电费：${yuan(p.principalFen)} 元</td><td>违约金：${yuan(p.lateFeeFen)} 元</td><td>转预收：${yuan(p.prepaidFen)} 元</td></tr>
<tr><td class="total" colspan="3">实收金额：${yuan(p.amountFen)} 元</td></tr>
</table>
<p style="font-size:12px">打印时间：${esc(printedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }))} 本收据为缴费凭证，请妥善保管。</p>
<button onclick="window.print()">打印</button>
</body></html>`;
}
