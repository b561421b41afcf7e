// {{variable}} templates for notifications (domain.md §17). Rendering refuses to produce a message with
// a hole in it: a placeholder without a value is reported, never left in or blanked out.

/** `{{ name }}`: letters, digits and underscores, optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * How a value is made safe for where it lands:
 * - `sms`: no line breaks or control characters, and 【】 become [] so a value cannot fake the
 *   signature block (carriers reject SMS variables containing 【】).
 * - `header`: an email subject line; no CR/LF (header injection) or control characters.
 * - `text`: a plain-text body; control characters other than line breaks and tabs removed.
 * - `html`: HTML-escaped, for an HTML email body.
 */
export type TemplateEscape = 'sms' | 'header' | 'text' | 'html';

export type TemplateVariables = Readonly<Record<string, string | number>>;

export type RenderResult = { ok: true; text: string } | { ok: false; missing: string[] };

/** The distinct variable names a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) seen.add(m[1]);
  return [...seen];
}

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/g;

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeTemplateValue(value: string, escape: TemplateEscape): string {
  switch (escape) {
    case 'sms':
      return value
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(CONTROL, '')
        .replace(/【/g, '[')
        .replace(/】/g, ']');
    case 'header':
      return value.replace(/\r\n|\r|\n/g, ' ').replace(CONTROL, '');
    case 'text':
      return value.replace(CONTROL_EXCEPT_NEWLINE_TAB, '');
    case 'html':
      return value.replace(CONTROL_EXCEPT_NEWLINE_TAB, '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
  }
}

/** Fills every placeholder; reports all missing variables at once instead of a half-filled text. */
export function renderTemplate(
  template: string,
  variables: TemplateVariables,
  escape: TemplateEscape,
): RenderResult {
  const missing = templateVariables(template).filter((name) => {
    const v = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined;
    return v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v));
  });
  if (missing.length > 0) return { ok: false, missing };
  // A single pass: a value that itself contains "{{x}}" is inserted literally, never expanded again.
  const text = template.replace(PLACEHOLDER, (_, name: string) =>
    escapeTemplateValue(String(variables[name]), escape),
  );
  return { ok: true, text };
}

/** Placeholders a template uses that the event does not provide (an admin typo like {{ordreNo}}). */
export function unknownTemplateVariables(template: string, allowed: readonly string[]): string[] {
  return templateVariables(template).filter((name) => !allowed.includes(name));
}

/**
 * Length and billed segments of an SMS as Chinese carriers count them: every character (Chinese or
 * not) counts one, the signature 【…】 included; up to 70 is one message, longer texts are split into
 * 67-character parts.
 */
export function smsSegments(text: string): { length: number; segments: number } {
  const length = [...text].length;
  if (length === 0) return { length, segments: 0 };
  return { length, segments: length <= 70 ? 1 : Math.ceil(length / 67) };
}
