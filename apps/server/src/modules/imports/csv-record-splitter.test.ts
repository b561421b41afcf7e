import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter } from './csv-record-splitter';

function split(chunks: string[]): string[][] {
  const s = new CsvRecordSplitter();
  const out: string[][] = [];
  for (const c of chunks) s.push(c, out);
  s.end(out);
  return out;
}

describe('CSV record splitter', () => {
  it('splits plain, quoted and escaped fields and strips the BOM', () => {
    expect(split(['\uFEFFa,b ,c\r\n1,"x,y","say ""hi"""\n'])).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x,y', 'say "hi"'],
    ]);
  });

  it('keeps line breaks inside quotes and a last record without a line break', () => {
    expect(split(['"line1\nline2",2\n\n3,4'])).toEqual([['line1\nline2', '2'], [''], ['3', '4']]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'k,"a ""q"" b",c\r\n"x\ny",,z\n';
    const whole = split([text]);
    for (let cut = 1; cut < text.length; cut++)
      expect(split([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  });
});
