// The trigram search document of a customer: name, customer number, every premise address and every
// account number, lower-cased. Kept current by whoever writes those rows (service, import, generator),
// set-based so a bulk import refreshes a million customers in one statement.
import type { Db } from '../../platform/db/db';

const SEARCH_TEXT_SQL = `
  lower(c.name || ' ' || c.customer_no
    || coalesce(' ' || (SELECT string_agg(p.full_address, ' ') FROM premises p WHERE p.customer_id = c.id), '')
    || coalesce(' ' || (SELECT string_agg(a.account_no, ' ') FROM accounts a WHERE a.customer_id = c.id), ''))`;

/** Recomputes search_text, address, phone and phone_last4 for the given customers. */
export async function refreshSearchText(db: Db, customerIds: number[]): Promise<void> {
  if (customerIds.length === 0) return;
  await db.query(
    `UPDATE customers c SET
        search_text = ${SEARCH_TEXT_SQL},
        address = (SELECT p.full_address FROM premises p WHERE p.customer_id = c.id ORDER BY p.id LIMIT 1),
        phone = (SELECT coalesce(ct.mobile, ct.phone) FROM contacts ct WHERE ct.customer_id = c.id
                  ORDER BY ct.is_primary DESC, ct.id LIMIT 1),
        phone_last4 = right((SELECT coalesce(ct.mobile, ct.phone) FROM contacts ct WHERE ct.customer_id = c.id
                  ORDER BY ct.is_primary DESC, ct.id LIMIT 1), 4)
      WHERE c.id = ANY($1::bigint[])`,
    [customerIds],
  );
}

/** The same refresh for every customer whose id lies in [fromId, toId] — for bulk loads. */
export async function refreshSearchTextRange(db: Db, fromId: number, toId: number): Promise<void> {
  await db.query(
    `UPDATE customers c SET
        search_text = ${SEARCH_TEXT_SQL},
        address = (SELECT p.full_address FROM premises p WHERE p.customer_id = c.id ORDER BY p.id LIMIT 1),
        phone = (SELECT coalesce(ct.mobile, ct.phone) FROM contacts ct WHERE ct.customer_id = c.id
                  ORDER BY ct.is_primary DESC, ct.id LIMIT 1),
        phone_last4 = right((SELECT coalesce(ct.mobile, ct.phone) FROM contacts ct WHERE ct.customer_id = c.id
                  ORDER BY ct.is_primary DESC, ct.id LIMIT 1), 4)
      WHERE c.id BETWEEN $1 AND $2`,
    [fromId, toId],
  );
}
