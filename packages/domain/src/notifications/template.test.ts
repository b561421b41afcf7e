import { describe, expect, it } from 'vitest';
import {
  escapeTemplateValue,
  renderTemplate,
  smsSegments,
  templateVariables,
  unknownTemplateVariables,
  type TemplateEscape,
} from './template';

describe('renderTemplate', () => {
  const cases: {
    name: string;
    template: string;
    vars: Record<string, string | number>;
    escape: TemplateEscape;
    expected: { ok: true; text: string } | { ok: false; missing: string[] };
  }[] = [
    {
      name: 'fills every placeholder, spaces inside braces allowed',
      template: '您的工单{{orderNo}}已受理，类型：{{ orderType }}。',
      vars: { orderNo: 'GD20261123001', orderType: '故障报修' },
      escape: 'sms',
      expected: { ok: true, text: '您的工单GD20261123001已受理，类型：故障报修。' },
    },
    {
      name: 'numbers are written as they are',
      template: '验证码{{code}}，{{minutes}}分钟内有效',
      vars: { code: '012345', minutes: 5 },
      escape: 'sms',
      expected: { ok: true, text: '验证码012345，5分钟内有效' },
    },
    {
      name: 'a missing variable is an error, not a blank',
      template: '工单{{orderNo}}：{{reply}}',
      vars: { orderNo: 'GD1' },
      escape: 'text',
      expected: { ok: false, missing: ['reply'] },
    },
    {
      name: 'every missing variable is reported once',
      template: '{{a}}{{b}}{{a}}',
      vars: {},
      escape: 'text',
      expected: { ok: false, missing: ['a', 'b'] },
    },
    {
      name: 'a non-finite number counts as missing',
      template: '{{percent}}%',
      vars: { percent: Number.NaN },
      escape: 'text',
      expected: { ok: false, missing: ['percent'] },
    },
    {
      name: 'an empty string is a value',
      template: '备注：{{note}}',
      vars: { note: '' },
      escape: 'text',
      expected: { ok: true, text: '备注：' },
    },
    {
      name: 'a value holding a placeholder is not expanded again',
      template: 'Hi {{name}}',
      vars: { name: '{{code}}', code: '999999' },
      escape: 'text',
      expected: { ok: true, text: 'Hi {{code}}' },
    },
    {
      name: 'SMS values cannot fake the signature block or break lines',
      template: '回复：{{reply}}',
      vars: { reply: '【国网】请点击\n链接' },
      escape: 'sms',
      expected: { ok: true, text: '回复：[国网]请点击 链接' },
    },
    {
      name: 'email subjects lose line breaks (no header injection)',
      template: 'Order {{orderNo}}',
      vars: { orderNo: 'GD1\r\nBcc: x@example.com' },
      escape: 'header',
      expected: { ok: true, text: 'Order GD1 Bcc: x@example.com' },
    },
    {
      name: 'plain-text bodies keep line breaks but drop control characters',
      template: '{{reply}}',
      vars: { reply: 'line1\nline2\u0007' },
      escape: 'text',
      expected: { ok: true, text: 'line1\nline2' },
    },
    {
      name: 'HTML bodies escape markup in values',
      template: '<p>{{reply}}</p>',
      vars: { reply: '<script>alert("x")</script> & \'y\'' },
      escape: 'html',
      expected: {
        ok: true,
        text: '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
      },
    },
    {
      name: 'text that only looks like a placeholder is left alone',
      template: '{{ 1abc }} {single} {{}}',
      vars: {},
      escape: 'text',
      expected: { ok: true, text: '{{ 1abc }} {single} {{}}' },
    },
    {
      name: 'inherited object properties are not values',
      template: '{{toString}}',
      vars: {},
      escape: 'text',
      expected: { ok: false, missing: ['toString'] },
    },
  ];
  it.each(cases)('$name', ({ template, vars, escape, expected }) => {
    expect(renderTemplate(template, vars, escape)).toEqual(expected);
  });
});

describe('template variables', () => {
  it('lists the distinct variables in order of first use', () => {
    expect(templateVariables('{{b}} {{ a }} {{b}}')).toEqual(['b', 'a']);
  });
  it('names the placeholders an event does not provide', () => {
    expect(unknownTemplateVariables('{{orderNo}} {{ordreNo}}', ['orderNo', 'reply'])).toEqual(['ordreNo']);
  });
  it('escapes a bare value for SMS the same way rendering does', () => {
    expect(escapeTemplateValue('a\r\nb【c】', 'sms')).toBe('a b[c]');
  });
});

describe('smsSegments', () => {
  it.each([
    ['', 0, 0],
    ['好'.repeat(70), 70, 1],
    ['好'.repeat(71), 71, 2],
    ['a'.repeat(134), 134, 2],
    ['a'.repeat(135), 135, 3],
    ['【国网示例市供电公司】您的验证码123456', 22, 1],
  ])('%s → %i characters, %i segments', (text, length, segments) => {
    expect(smsSegments(text)).toEqual({ length, segments });
  });
});
