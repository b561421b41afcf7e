// One search box (domain.md §2, issue "Search"): the text typed decides which index answers first.
export type SearchKind = 'account_no' | 'customer_no' | 'phone_full' | 'phone_last4' | 'certificate' | 'text';

export interface ClassifiedQuery {
  text: string;
  kinds: SearchKind[];
}

/**
 * Works out what the user probably typed. Several kinds may apply (eleven digits are both a phone
 * number and possibly an account number), so the search tries each exact kind and always falls back
 * to the name/address fragment search.
 */
export function classifySearchQuery(raw: string): ClassifiedQuery {
  const text = raw.trim().replace(/\s+/g, ' ');
  const compact = text.replace(/[\s-]/g, '');
  const kinds: SearchKind[] = [];
  if (/^\d{4}$/.test(compact)) kinds.push('phone_last4');
  if (/^1[3-9]\d{9}$/.test(compact)) kinds.push('phone_full');
  if (/^\d{17}[\dXx]$/.test(compact) || /^[0-9A-HJ-NPQRTUWXY]{18}$/i.test(compact)) kinds.push('certificate');
  if (/^\d{10}$/.test(compact)) kinds.push('account_no');
  if (/^C\d{8,}$/i.test(compact)) kinds.push('customer_no');
  kinds.push('text');
  return { text, kinds };
}
