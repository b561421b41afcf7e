// Mainland China numbers: mobiles are 11 digits starting 13–19; landlines are an area code
// (0 + 2–3 digits) and a 7–8 digit local number, optionally with an extension.

/** Strips spaces, dashes and a +86/0086 country prefix from a mobile number. */
export function normaliseMobile(value: string): string {
  let v = value.replace(/[\s-]/g, '');
  if (v.startsWith('+86')) v = v.slice(3);
  else if (v.startsWith('0086')) v = v.slice(4);
  return v;
}

export function isValidMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(normaliseMobile(value));
}

export function isValidLandline(value: string): boolean {
  return /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(value.replace(/\s/g, ''));
}

/** Either a mobile or a landline, as customers give either. */
export function isValidPhone(value: string): boolean {
  return isValidMobile(value) || isValidLandline(value);
}
