import { describe, expect, it } from 'vitest';
import { parse, parseDataType, parseExpression, parseStatement } from '../../grammar/index.js';
import { DeltaSqlError } from '../../src/common/errors.js';

function errorOf(fn: () => unknown): DeltaSqlError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeltaSqlError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('syntax errors', () => {
  it('names what was expected, what was found and where', () => {
    const e = errorOf(() => parse('SELECT a\nFROM t\nWHERE\n      FROM'));
    expect(e.code).toBe('SYNTAX_ERROR');
    expect(e.message).toBe("Expected an expression after 'WHERE' but found 'FROM' at line 4, column 7");
    expect(e.position).toEqual({ line: 4, column: 7, offset: 28 });
  });

  it('describes missing expressions and tables in plain words', () => {
    expect(errorOf(() => parse('SELECT FROM t')).message).toBe("Expected an expression after 'SELECT' but found 'FROM' at line 1, column 8");
    expect(errorOf(() => parse('SELECT a FROM')).message).toBe("Expected a table name, subquery or table function after 'FROM' but found the end of the input at line 1, column 14");
    expect(errorOf(() => parse('SELECT a FROM t GROUP a')).message).toBe("Expected BY after 'GROUP' but found 'a' at line 1, column 23");
  });

  it('reports the end of input', () => {
    const e = errorOf(() => parse('SELECT * FROM t WHERE'));
    expect(e.message).toMatch(/but found the end of the input at line 1, column 22/);
  });

  it('reports unterminated strings and comments where they start', () => {
    expect(errorOf(() => parse("SELECT 'abc")).message).toBe('Unterminated string literal starting at line 1, column 8');
    expect(errorOf(() => parse('SELECT 1 /* x /* y */')).message).toBe('Unterminated comment starting at line 1, column 10');
  });

  it('parses nesting up to the limit without exhausting the stack', () => {
    const sql = `SELECT ${'('.repeat(127)}1${')'.repeat(127)} + 1`;
    expect(parse(sql)).toHaveLength(1);
    const subqueries = `SELECT ${'(SELECT '.repeat(60)}1${')'.repeat(60)}`;
    expect(parse(subqueries)).toHaveLength(1);
    const chain = `SELECT ${Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' + ')}`;
    expect(parse(chain)).toHaveLength(1);
  });

  it('rejects deep nesting cleanly', () => {
    const deep = `SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}`;
    expect(errorOf(() => parse(deep)).code).toBe('SYNTAX_ERROR');
    expect(errorOf(() => parseExpression(`${'- '.repeat(20000)}1`)).code).toBe('SYNTAX_ERROR');
  });

  it('says UNSUPPORTED for valid Spark syntax we do not handle', () => {
    expect(errorOf(() => parse('CREATE INDEX i ON t(a)')).code).toBe('UNSUPPORTED');
    expect(errorOf(() => parse('INSERT OR REPLACE INTO t VALUES (1)')).message).toBe('INSERT OR REPLACE is not supported');
    expect(errorOf(() => parse('REPLACE INTO t VALUES (1)')).message).toBe('REPLACE INTO is not supported');
    expect(errorOf(() => parse('TRUNCATE TABLE t')).message).toBe('the TRUNCATE statement is not supported');
    expect(errorOf(() => parse('FROM t SELECT a')).code).toBe('UNSUPPORTED');
    expect(errorOf(() => parse('SELECT * FROM t TABLESAMPLE (10 PERCENT)')).message).toMatch(/TABLESAMPLE/);
  });

  it('requires exactly one statement in parseStatement', () => {
    expect(errorOf(() => parseStatement('SELECT 1; SELECT 2')).message).toMatch(/single statement/);
  });
});

describe('keywords and types', () => {
  it('keeps non-reserved keywords usable as names', () => {
    const s = parseStatement('SELECT date, year, key, value, comment FROM location');
    expect(s.kind).toBe('query');
  });

  it('maps dialect type names', () => {
    expect(parseDataType('INTEGER')).toEqual({ kind: 'int' });
    expect(parseDataType('NUMERIC')).toEqual({ kind: 'decimal', precision: 10, scale: 0 });
    expect(parseDataType('varchar(30)')).toEqual({ kind: 'string' });
    expect(parseDataType('DOUBLE PRECISION')).toEqual({ kind: 'double' });
    expect(parseDataType('TIMESTAMP_LTZ')).toEqual({ kind: 'timestamp' });
    expect(parseDataType('ARRAY<STRUCT<a: INT NOT NULL, b:STRING>>')).toMatchObject({
      kind: 'array',
      element: { kind: 'struct', fields: [{ name: 'a', nullable: false }, { name: 'b', type: { kind: 'string' } }] },
    });
    expect(parseDataType('INTERVAL DAY TO SECOND')).toEqual({ kind: 'interval', unit: 'day_time' });
    expect(errorOf(() => parseDataType('DECIMAL(50,2)')).code).toBe('SYNTAX_ERROR');
  });

  it('types numeric literals by text and suffix', () => {
    expect(parseExpression('1L')).toMatchObject({ kind: 'number', text: '1', suffix: 'L' });
    expect(parseExpression('-2147483648')).toMatchObject({ kind: 'number', text: '-2147483648' });
    expect(parseExpression('1.5BD')).toMatchObject({ kind: 'number', text: '1.5', suffix: 'BD' });
  });

  it('numbers positional parameters', () => {
    expect(parseExpression('? + ?')).toMatchObject({ left: { ordinal: 1 }, right: { ordinal: 2 } });
  });

  it('applies Spark precedence', () => {
    expect(parseExpression('a OR b AND NOT c = d')).toMatchObject({
      op: 'OR',
      right: { op: 'AND', right: { kind: 'unaryOp', op: 'NOT', operand: { op: '=' } } },
    });
    expect(parseExpression('1 + 2 * 3 = 7')).toMatchObject({ op: '=', left: { op: '+', right: { op: '*' } } });
  });
});
