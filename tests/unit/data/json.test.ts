import { describe, expect, it, vi } from 'vitest';
import { describeValue, duplicateKey, lineColumn, MAX_JSON_CHARS, parseJson } from '../../../src/data/json';

const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);

describe('parseJson', () => {
  it('parses valid JSON (and tolerates a BOM)', () => {
    expect(parseJson('\uFEFF{"a": [1, 2]}', 'x.json')).toEqual({ value: { a: [1, 2] }, errors: [] });
  });

  it('reports malformed JSON with line and column', () => {
    const r = parseJson('{\n  "a": 1\n  "b": 2\n}', 'data/x.json');
    expect(r.value).toBeUndefined();
    expect(messages(r)).toEqual([`data/x.json: invalid JSON at line 3, column 3 (near "\\""): Expected ',' or '}' after property value`]);
    expect(r.errors[0]).toMatchObject({ file: 'data/x.json', record: '', field: '', expected: 'valid JSON' });
  });

  it('reports a trailing comma at its position', () => {
    expect(parseJson('[1,\n 2,\n]', 'a.json').errors[0].message).toMatch(/^a\.json: invalid JSON at line 3, column 1 \(near "\]"\): /);
  });

  it('reports truncated input as such, at the end of the text', () => {
    expect(messages(parseJson('{\n  "facts": [\n    {"id": "f-1", "amount": 1', 'data/t.json'))).toEqual([
      'data/t.json: invalid JSON: the text ends at line 3, column 30 before the JSON is complete (truncated file?)',
    ]);
    expect(parseJson('{"a": "unfinished', 't.json').errors[0].message).toContain('before the JSON is complete');
  });

  it('locates the error itself when the engine message has no position (Safari)', () => {
    const real = JSON.parse;
    const spy = vi.spyOn(JSON, 'parse').mockImplementation((t: string) => real(t));
    spy.mockImplementationOnce(() => {
      throw new SyntaxError("JSON Parse error: Expected '}'");
    });
    const r = parseJson('{"a": 1,\n "b" 2}', 's.json');
    spy.mockRestore();
    expect(r.errors[0].message).toBe(`s.json: invalid JSON at line 2, column 6 (near "2"): JSON Parse error: Expected '}'`);
  });

  it('reports an empty file', () => {
    expect(messages(parseJson('  \n', 'e.json'))).toEqual(['e.json: invalid JSON: the file is empty']);
  });

  it('refuses a file above the size limit before parsing it', () => {
    const r = parseJson(' '.repeat(MAX_JSON_CHARS + 1), 'big.json');
    expect(r.errors[0].message).toMatch(/^big\.json: the file is too large \(20\.0 M characters; a data file may have at most 20\.0 M\)$/);
  });

  it('rejects a key written twice in one object, naming both lines', () => {
    const text = '{\n  "facts": [\n    {"id": "f-1",\n     "amount": 1,\n     "amount": 1000}\n  ]\n}';
    const r = parseJson(text, 'data/u.json');
    expect(r.value).toBeUndefined();
    expect(messages(r)).toEqual([
      'data/u.json: invalid JSON at line 5, column 6: the key "amount" appears twice in one object (first at line 4); readers would silently keep only the last',
    ]);
  });

  it('compares keys after unescaping, and allows the same key in different objects', () => {
    expect(duplicateKey('{"a": 1, "\\u0061": 2}')).toMatchObject({ key: 'a' });
    expect(duplicateKey('[{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": "a"}]')).toBeUndefined();
    expect(duplicateKey('{"s": "{\\"a\\": 1, \\"a\\": 2}"}')).toBeUndefined();
    expect(duplicateKey('{"__proto__": 1, "__proto__": 2}')).toMatchObject({ key: '__proto__' });
  });

  it('computes 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
  });
});

describe('describeValue', () => {
  it('shows found values as plain text, quoted and truncated', () => {
    expect(describeValue('187.17')).toBe('"187.17" (string)');
    expect(describeValue(-3)).toBe('-3 (number)');
    expect(describeValue(undefined)).toBe('nothing (missing)');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2])).toBe('an array of 2');
    expect(describeValue([])).toBe('an empty array');
    const long = describeValue('<img src=x onerror=alert(1)>'.repeat(5));
    expect(long).toBe(`"${'<img src=x onerror=alert(1)>'.repeat(5).slice(0, 59)}…" (string)`);
  });
});
