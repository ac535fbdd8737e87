import { contentDisposition } from './content-disposition';
import { csvField, csvLine, neutraliseFormula } from './csv';

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text alone', () => {
    expect(csvField('区司法局')).toBe('区司法局');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\r\n第二行')).toBe('"第一行\r\n第二行"');
  });

  it('ends a line with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b c'])).toBe('a,1,,b c\r\n');
  });
});

describe('formula injection', () => {
  it.each(['=1+1', '+SUM(A1)', '-2', '@cmd', '\t=1', '\r=1'])('neutralises %p', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('leaves other text alone, including a formula character later on', () => {
    expect(neutraliseFormula('1+1=2')).toBe('1+1=2');
    expect(neutraliseFormula('')).toBe('');
  });

  it('neutralises before quoting', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII stand-in and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('月通报-2026-10-v1.xlsx')).toBe(
      `attachment; filename="___-2026-10-v1.xlsx"; filename*=UTF-8''%E6%9C%88%E9%80%9A%E6%8A%A5-2026-10-v1.xlsx`,
    );
  });

  it('encodes the characters RFC 5987 does not allow bare', () => {
    expect(contentDisposition(`a'(b)*.csv`)).toContain(`filename*=UTF-8''a%27%28b%29%2A.csv`);
  });
});
