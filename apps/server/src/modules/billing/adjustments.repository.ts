// Re-bill and adjustment documents (退补) and the two bill writes their approval makes.
import type { BillLine } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

export interface AdjustmentRow {
  id: number;
  doc_no: string;
  bill_id: number;
  bill_no: string;
  account_id: number;
  account_no: string;
  customer_id: number;
  customer_name: string;
  org_unit_id: number;
  period: string;
  reason: 'meter_error' | 'wrong_reading' | 'wrong_tariff' | 'wrong_archive' | 'other';
  reason_text: string;
  mode: 'recompute' | 'manual';
  corrections: Record<string, unknown>;
  old_lines: BillLine[];
  new_lines: BillLine[];
  new_energy_kwh: string;
  new_tariff_version_id: number | null;
  new_tariff_category: string;
  old_total_fen: number;
  new_total_fen: number;
  difference_fen: number;
  paid_fen: number;
  refund_fen: number;
  status: 'draft' | 'approved' | 'rejected' | 'cancelled';
  drafted_by: number;
  drafted_by_name: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  new_bill_id: number | null;
  created_at: string;
  version: number;
}

const COLUMNS = `d.id, d.doc_no, d.bill_id, b.bill_no, d.account_id, a.account_no, d.customer_id, c.name AS customer_name,
  d.org_unit_id, b.period, d.reason, d.reason_text, d.mode, d.corrections, b.lines AS old_lines, d.new_lines,
  d.new_energy_kwh, d.new_tariff_version_id, d.new_tariff_category, d.old_total_fen, d.new_total_fen,
  d.difference_fen, b.paid_fen, d.refund_fen, d.status, d.drafted_by, du.display_name AS drafted_by_name,
  xu.display_name AS decided_by_name, d.decided_at, d.decision_note, d.new_bill_id, d.created_at, d.version`;
const FROM = `FROM bill_adjustments d
  JOIN bills b ON b.id = d.bill_id
  JOIN accounts a ON a.id = d.account_id
  JOIN customers c ON c.id = d.customer_id
  LEFT JOIN users du ON du.id = d.drafted_by
  LEFT JOIN users xu ON xu.id = d.decided_by`;

export async function insertAdjustment(
  db: Db,
  v: {
    billId: number;
    accountId: number;
    customerId: number;
    orgUnitId: number;
    reason: string;
    reasonText: string;
    mode: string;
    corrections: unknown;
    newLines: BillLine[];
    newEnergyKwh: string;
    newTariffVersionId: number | null;
    newTariffCategory: string;
    oldTotalFen: number;
    newTotalFen: number;
    refundFen: number;
    draftedBy: number;
    today: string;
  },
): Promise<number | null> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO bill_adjustments(doc_no, bill_id, account_id, customer_id, org_unit_id, reason, reason_text, mode,
                                  corrections, new_lines, new_energy_kwh, new_tariff_version_id,
                                  new_tariff_category, old_total_fen, new_total_fen, difference_fen, refund_fen,
                                  drafted_by)
     VALUES ('TB' || replace($17::text, '-', '') || lpad(nextval('bill_adjustment_no_seq')::text, 6, '0'),
             $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::bigint,$14::bigint,$14::bigint - $13::bigint,$15,$16)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      v.billId,
      v.accountId,
      v.customerId,
      v.orgUnitId,
      v.reason,
      v.reasonText,
      v.mode,
      JSON.stringify(v.corrections),
      JSON.stringify(v.newLines),
      v.newEnergyKwh,
      v.newTariffVersionId,
      v.newTariffCategory,
      v.oldTotalFen,
      v.newTotalFen,
      v.refundFen,
      v.draftedBy,
      v.today,
    ],
  );
  return r.rows[0]?.id ?? null;
}

export async function findAdjustment(db: Db, id: number): Promise<AdjustmentRow | null> {
  const r = await db.query<AdjustmentRow>(`SELECT ${COLUMNS} ${FROM} WHERE d.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function listAdjustments(
  db: Db,
  q: { scopeOrgIds: number[]; status?: string; billId?: number; limit: number; offset: number },
): Promise<{ rows: AdjustmentRow[]; total: number }> {
  const params: unknown[] = [q.scopeOrgIds];
  const where = ['d.org_unit_id = ANY($1::bigint[])'];
  if (q.status) {
    params.push(q.status);
    where.push(`d.status = $${params.length}`);
  }
  if (q.billId) {
    params.push(q.billId);
    where.push(`d.bill_id = $${params.length}`);
  }
  const w = where.join(' AND ');
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM bill_adjustments d WHERE ${w}`,
    params,
  );
  params.push(q.limit, q.offset);
  const rows = await db.query<AdjustmentRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE ${w} ORDER BY d.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { rows: rows.rows, total: total.rows[0].n };
}

/** Draft → rejected at the version read; false when stale or no longer a draft. */
export async function reject(
  db: Db,
  id: number,
  version: number,
  userId: number,
  note: string | null,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE bill_adjustments SET status = 'rejected', decided_by = $3, decided_at = now(), decision_note = $4,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND status = 'draft'`,
    [id, version, userId, note],
  );
  return r.rowCount === 1;
}

/**
 * Approval's bill writes: the old bill becomes 'superseded' and the re-bill takes its place (same
 * account-period-settlement, live-bill index), carrying over what was paid. Returns the new bill's id and
 * the refund due when more was paid than the new bill asks; null when the old bill is no longer live.
 */
export async function supersedeBill(
  db: Db,
  v: {
    billId: number;
    lines: BillLine[];
    totalFen: number;
    energyKwh: string;
    tariffVersionId: number | null;
    tariffCategory: string;
    dueDate: string;
  },
): Promise<{ newBillId: number; refundFen: number; carriedFen: number } | null> {
  const old = await db.query<{ paid_fen: number; bill_no: string }>(
    `UPDATE bills SET status = 'superseded', version = version + 1, updated_at = now()
      WHERE id = $1 AND status NOT IN ('superseded','cancelled')
      RETURNING paid_fen, bill_no`,
    [v.billId],
  );
  const o = old.rows[0];
  if (!o) return null;
  const paid = Number(o.paid_fen);
  const carried = Math.min(paid, Math.max(v.totalFen, 0));
  const base = o.bill_no.replace(/-R\d+$/, '');
  const r = await db.query<{ id: number }>(
    `INSERT INTO bills(bill_no, account_id, customer_id, org_unit_id, period, settlement, kind, supersedes_id,
                       tariff_category, tariff_version_id, period_start, period_end, energy_kwh, estimated,
                       total_fen, paid_fen, status, due_date, lines, paid_at, cycle_kwh)
     SELECT $2::text || '-R' || (SELECT count(*) + 1 FROM bills x WHERE x.bill_no LIKE $2::text || '-R%'),
            o.account_id, o.customer_id, o.org_unit_id, o.period, o.settlement, 'rebill', o.id,
            $3::text, $4::bigint, o.period_start, o.period_end, $5::numeric, false, $6::bigint, $7::bigint,
            CASE WHEN $7::bigint >= $6::bigint THEN 'paid' WHEN $7::bigint > 0 THEN 'partially_paid' ELSE 'issued' END,
            $8::date, $9::jsonb, CASE WHEN $7::bigint >= $6::bigint THEN coalesce(o.paid_at, now()) END,
            CASE WHEN o.cycle_kwh IS NOT NULL THEN o.cycle_kwh - o.energy_kwh + $5::numeric END
       FROM bills o WHERE o.id = $1
     RETURNING id`,
    [
      v.billId,
      base,
      v.tariffCategory,
      v.tariffVersionId,
      v.energyKwh,
      v.totalFen,
      carried,
      v.dueDate,
      JSON.stringify(v.lines),
    ],
  );
  return { newBillId: r.rows[0].id, refundFen: paid - carried, carriedFen: carried };
}

export async function markApproved(
  db: Db,
  id: number,
  version: number,
  v: { userId: number; note: string | null; newBillId: number; refundFen: number },
): Promise<boolean> {
  const r = await db.query(
    `UPDATE bill_adjustments SET status = 'approved', decided_by = $3, decided_at = now(), decision_note = $4,
            new_bill_id = $5, refund_fen = $6, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND status = 'draft'`,
    [id, version, v.userId, v.note, v.newBillId, v.refundFen],
  );
  return r.rowCount === 1;
}
