// The set-based write of an import: every clean customer group of the staging table becomes a
// customer with its contacts, premises, accounts, meters and transformers, in INSERT … SELECT
// statements over chunks of customers, inside the caller's single transaction.
import type { Db } from '../../platform/db/db';
import { stageTable } from './import-staging.repository';

async function sequenceOf(tx: Db, table: string): Promise<string> {
  const r = await tx.query<{ s: string }>(`SELECT pg_get_serial_sequence($1, 'id') AS s`, [table]);
  return r.rows[0].s.replace(/'/g, "''");
}

/**
 * Numbers the importable rows: a customer id and number per clean group (ids drawn from the tables'
 * own sequences, so the rows of later statements can refer to them without reading anything back),
 * an account id and number per row, and the order of customers used to cut chunks.
 */
export async function prepareCommit(tx: Db, jobId: number): Promise<{ customers: number; rows: number }> {
  const t = stageTable(jobId);
  const customerSeq = await sequenceOf(tx, 'customers');
  const accountSeq = await sequenceOf(tx, 'accounts');
  // The numbering and the per-chunk DISTINCT ON / aggregates sort whole chunks: keep them in memory.
  await tx.exec(`
    SET LOCAL work_mem = '128MB';
    CREATE TEMP TABLE imp_cust ON COMMIT DROP AS
      SELECT g.customer_ref, g.first_row, f.org_unit_id,
             nextval('${customerSeq}'::regclass) AS customer_id,
             'C' || nextval('customer_no_seq') AS customer_no,
             row_number() OVER (ORDER BY g.first_row) AS ord
        FROM (SELECT customer_ref, min(row_no) AS first_row FROM ${t}
               WHERE customer_ref IS NOT NULL GROUP BY customer_ref HAVING bool_and(NOT has_error)) g
        JOIN ${t} f ON f.row_no = g.first_row;
    CREATE TEMP TABLE imp_acct ON COMMIT DROP AS
      SELECT c.ord, c.customer_id, c.customer_no, c.org_unit_id AS cust_org_unit_id, s.row_no = c.first_row AS is_first,
             nextval('${accountSeq}'::regclass) AS account_id,
             coalesce(s.account_no, nextval('account_no_seq')::text) AS new_account_no,
             s.province || s.city || s.district || coalesce(s.street, '') || s.address_detail AS full_address,
             s.*
        FROM ${t} s JOIN imp_cust c ON c.customer_ref = s.customer_ref
       ORDER BY c.ord, s.row_no;
    CREATE INDEX ON imp_acct (ord);
    ANALYZE imp_acct;`);
  const r = await tx.query<{ customers: number; rows: number }>(
    `SELECT count(DISTINCT ord)::int AS customers, count(*)::int AS rows FROM imp_acct`,
  );
  return r.rows[0];
}

const IN_CHUNK = `a.ord BETWEEN $1 AND $2`;

/** Writes customers [fromOrd, toOrd] and everything they own. Returns the number of account rows written. */
export async function insertChunk(
  tx: Db,
  fromOrd: number,
  toOrd: number,
  timeline: { title: string; jobId: number; fileName: string; actorId: number; actorName: string },
): Promise<number> {
  const range = [fromOrd, toOrd];
  await tx.query(
    `INSERT INTO customers (id, org_unit_id, customer_no, name, kind, cert_type, cert_no, industry_code, industry_name,
        customer_class, importance_tier, vip, relationship, phone, phone_last4, address, search_text)
     SELECT a.customer_id, a.cust_org_unit_id, a.customer_no, a.name, a.kind, a.cert_type, a.cert_no, a.industry_code, a.industry_name,
            a.customer_class, a.importance_tier, a.vip, a.relationship, pc.contact_mobile, right(pc.contact_mobile, 4), a.full_address,
            -- the same search document as customer-search-text.ts, built here so a million rows are written once
            lower(a.name || ' ' || a.customer_no || coalesce(' ' || agg.addresses, '') || coalesce(' ' || agg.account_nos, ''))
       FROM imp_acct a
       JOIN (SELECT customer_id, string_agg(DISTINCT full_address, ' ') AS addresses,
                    string_agg(new_account_no, ' ' ORDER BY row_no) AS account_nos
               FROM imp_acct a WHERE ${IN_CHUNK} GROUP BY customer_id) agg ON agg.customer_id = a.customer_id
       LEFT JOIN (SELECT DISTINCT ON (customer_id) customer_id, contact_mobile FROM imp_acct a
                   WHERE ${IN_CHUNK} AND contact_name IS NOT NULL ORDER BY customer_id, row_no) pc ON pc.customer_id = a.customer_id
      WHERE ${IN_CHUNK} AND a.is_first`,
    range,
  );
  await tx.query(
    `INSERT INTO premises (customer_id, org_unit_id, province, city, district, street, detail, full_address, area_class,
        transformer_area_id, feeder_id)
     SELECT DISTINCT ON (a.customer_id, a.full_address) a.customer_id, a.cust_org_unit_id, a.province, a.city, a.district, a.street,
            a.address_detail, a.full_address, a.area_class, ta.id, coalesce(fd.id, ta.feeder_id)
       FROM imp_acct a
       LEFT JOIN transformer_areas ta ON ta.code = a.transformer_area_code
       LEFT JOIN feeders fd ON fd.code = a.feeder_code
      WHERE ${IN_CHUNK}
      ORDER BY a.customer_id, a.full_address, a.row_no`,
    range,
  );
  // One contact per distinct person in the group; the first one named is the primary contact.
  await tx.query(
    `INSERT INTO contacts (customer_id, org_unit_id, name, role, mobile, email, is_primary)
     SELECT customer_id, cust_org_unit_id, contact_name, contact_role, contact_mobile, contact_email,
            row_number() OVER (PARTITION BY customer_id ORDER BY row_no) = 1
       FROM (SELECT DISTINCT ON (a.customer_id, a.contact_name, coalesce(a.contact_mobile, ''))
                    a.customer_id, a.cust_org_unit_id, a.row_no, a.contact_name, a.contact_role, a.contact_mobile, a.contact_email
               FROM imp_acct a WHERE ${IN_CHUNK} AND a.contact_name IS NOT NULL
              ORDER BY a.customer_id, a.contact_name, coalesce(a.contact_mobile, ''), a.row_no) x`,
    range,
  );
  const accounts = await tx.query(
    `INSERT INTO accounts (id, customer_id, org_unit_id, premise_id, account_no, status, voltage_level, supply_mode,
        contract_capacity_kva, tariff_category, basic_fee_method, pf_standard, reading_book, reading_day)
     SELECT a.account_id, a.customer_id, a.cust_org_unit_id, p.id, a.new_account_no, a.account_status, a.voltage_level, a.supply_mode,
            a.contract_capacity_kva, a.tariff_category, a.basic_fee_method, a.pf_standard, a.reading_book, a.reading_day
       FROM imp_acct a JOIN premises p ON p.customer_id = a.customer_id AND p.full_address = a.full_address
      WHERE ${IN_CHUNK}`,
    range,
  );
  await tx.query(
    `INSERT INTO meters (account_id, customer_id, org_unit_id, asset_no, meter_type, ct_ratio, pt_ratio, multiplier)
     SELECT a.account_id, a.customer_id, a.cust_org_unit_id, a.meter_asset_no, a.meter_type, a.ct_ratio, a.pt_ratio, a.multiplier
       FROM imp_acct a WHERE ${IN_CHUNK} AND a.meter_asset_no IS NOT NULL`,
    range,
  );
  await tx.query(
    `INSERT INTO transformers (customer_id, account_id, org_unit_id, asset_no, capacity_kva, state)
     SELECT a.customer_id, a.account_id, a.cust_org_unit_id, a.transformer_asset_no, a.transformer_capacity_kva, a.transformer_state
       FROM imp_acct a WHERE ${IN_CHUNK} AND a.transformer_asset_no IS NOT NULL`,
    range,
  );
  await tx.query(
    `INSERT INTO timeline_events (customer_id, org_unit_id, kind, title, detail, actor_id, actor_name, ref_entity, ref_id)
     SELECT a.customer_id, a.cust_org_unit_id, 'customer_imported', $3::text,
            jsonb_build_object('jobId', $4::bigint, 'fileName', $5::text, 'rowNo', a.row_no), $6::bigint, $7::text, 'import_job', $4::text
       FROM imp_acct a WHERE ${IN_CHUNK} AND a.is_first`,
    [...range, timeline.title, timeline.jobId, timeline.fileName, timeline.actorId, timeline.actorName],
  );
  return accounts.rowCount;
}
