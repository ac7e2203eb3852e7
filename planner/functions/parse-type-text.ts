/**
 * Parse a Spark type or DDL schema string as from_json/schema_of arguments use it:
 * `INT`, `decimal(10,2)`, `array<string>`, `map<string,int>`, `struct<a:int,b:string>`, or a
 * field list `a INT, b STRING` (which becomes a struct).
 */
import { DeltaSqlError } from '../../src/common/errors.js';
import { arrayOf, decimal, field, mapOf, struct, type DataType, type StructField } from '../../src/common/types/data-type.js';

const NAMES: Record<string, DataType> = {
  boolean: { kind: 'boolean' }, tinyint: { kind: 'byte' }, byte: { kind: 'byte' }, smallint: { kind: 'short' }, short: { kind: 'short' },
  int: { kind: 'int' }, integer: { kind: 'int' }, bigint: { kind: 'long' }, long: { kind: 'long' }, float: { kind: 'float' }, real: { kind: 'float' },
  double: { kind: 'double' }, string: { kind: 'string' }, varchar: { kind: 'string' }, char: { kind: 'string' }, binary: { kind: 'binary' },
  date: { kind: 'date' }, timestamp: { kind: 'timestamp' }, timestamp_ltz: { kind: 'timestamp' }, timestamp_ntz: { kind: 'timestamp_ntz' },
};

class Reader {
  pos = 0;
  constructor(readonly text: string) {}
  ws(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }
  peek(): string {
    this.ws();
    return this.text[this.pos] ?? '';
  }
  eat(c: string): boolean {
    if (this.peek() === c) {
      this.pos++;
      return true;
    }
    return false;
  }
  expect(c: string): void {
    if (!this.eat(c)) throw new DeltaSqlError('INVALID_ARGUMENT', `cannot parse type '${this.text}': expected '${c}' at ${this.pos}`);
  }
  ident(): string {
    this.ws();
    if (this.text[this.pos] === '`') {
      const end = this.text.indexOf('`', this.pos + 1);
      const id = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return id;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!m) throw new DeltaSqlError('INVALID_ARGUMENT', `cannot parse type '${this.text}' at ${this.pos}`);
    this.pos += m[0].length;
    return m[0];
  }
  int(): number {
    this.ws();
    const m = /^\d+/.exec(this.text.slice(this.pos));
    if (!m) throw new DeltaSqlError('INVALID_ARGUMENT', `cannot parse type '${this.text}': expected a number`);
    this.pos += m[0].length;
    return Number(m[0]);
  }
}

function readType(r: Reader): DataType {
  const name = r.ident().toLowerCase();
  if (name === 'array') {
    r.expect('<');
    const e = readType(r);
    r.expect('>');
    return arrayOf(e);
  }
  if (name === 'map') {
    r.expect('<');
    const k = readType(r);
    r.expect(',');
    const v = readType(r);
    r.expect('>');
    return mapOf(k, v);
  }
  if (name === 'struct') {
    r.expect('<');
    const fields: StructField[] = [];
    while (!r.eat('>')) {
      const n = r.ident();
      r.eat(':');
      fields.push(field(n, readType(r)));
      r.eat(',');
    }
    return struct(fields);
  }
  if (name === 'decimal' || name === 'dec' || name === 'numeric') {
    if (!r.eat('(')) return decimal(10, 0);
    const p = r.int();
    const s = r.eat(',') ? r.int() : 0;
    r.expect(')');
    return decimal(p, s);
  }
  const t = NAMES[name];
  if (!t) throw new DeltaSqlError('INVALID_ARGUMENT', `unknown type '${name}' in '${r.text}'`);
  if ((name === 'varchar' || name === 'char') && r.eat('(')) {
    r.int();
    r.expect(')');
  }
  return t;
}

export function parseTypeText(text: string): DataType {
  const r = new Reader(text);
  const save = r.pos;
  // A field list `a INT, b STRING` (two identifiers in a row) becomes a struct.
  const first = r.ident();
  r.ws();
  const next = r.text[r.pos];
  if (next !== undefined && next !== '<' && next !== '(' && /[A-Za-z_:`]/.test(next)) {
    const fields: StructField[] = [];
    r.pos = save;
    do {
      const n = r.ident();
      r.eat(':');
      fields.push(field(n, readType(r)));
    } while (r.eat(','));
    return struct(fields);
  }
  r.pos = save;
  void first;
  const t = readType(r);
  if (r.peek() !== '') throw new DeltaSqlError('INVALID_ARGUMENT', `cannot parse type '${text}'`);
  return t;
}
