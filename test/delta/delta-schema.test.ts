/** Delta schema JSON ↔ StructField[] for every Delta type. */
import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import { deltaSchemaToJson, parseDeltaSchema, parseDeltaType } from '../../src/common/types/delta-schema.js';

const ALL = {
  type: 'struct',
  fields: [
    { name: 'b', type: 'byte', nullable: true, metadata: {} },
    { name: 's', type: 'short', nullable: true, metadata: {} },
    { name: 'i', type: 'integer', nullable: false, metadata: { 'delta.columnMapping.id': 3, 'delta.columnMapping.physicalName': 'col-x', comment: 'hi' } },
    { name: 'l', type: 'long', nullable: true, metadata: {} },
    { name: 'f', type: 'float', nullable: true, metadata: {} },
    { name: 'd', type: 'double', nullable: true, metadata: {} },
    { name: 'dec', type: 'decimal(38,10)', nullable: true, metadata: {} },
    { name: 'str', type: 'string', nullable: true, metadata: {} },
    { name: 'bin', type: 'binary', nullable: true, metadata: {} },
    { name: 'bool', type: 'boolean', nullable: true, metadata: {} },
    { name: 'dt', type: 'date', nullable: true, metadata: {} },
    { name: 'ts', type: 'timestamp', nullable: true, metadata: {} },
    { name: 'ntz', type: 'timestamp_ntz', nullable: true, metadata: {} },
    { name: 'arr', type: { type: 'array', elementType: 'integer', containsNull: false }, nullable: true, metadata: {} },
    { name: 'm', type: { type: 'map', keyType: 'string', valueType: { type: 'array', elementType: 'long', containsNull: true }, valueContainsNull: true }, nullable: true, metadata: {} },
    { name: 'st', type: { type: 'struct', fields: [{ name: 'x', type: 'date', nullable: true, metadata: { nested: { a: 1 } } }] }, nullable: true, metadata: {} },
  ],
};

describe('delta schema', () => {
  it('parses every type', () => {
    const fields = parseDeltaSchema(JSON.stringify(ALL));
    expect(fields.map((f) => f.type.kind)).toEqual([
      'byte', 'short', 'int', 'long', 'float', 'double', 'decimal', 'string', 'binary', 'boolean', 'date', 'timestamp', 'timestamp_ntz', 'array', 'map', 'struct',
    ]);
    expect(fields[6]?.type).toEqual({ kind: 'decimal', precision: 38, scale: 10 });
    expect(fields[2]?.nullable).toBe(false);
    expect(fields[13]?.type).toEqual({ kind: 'array', element: { kind: 'int' }, containsNull: false });
    expect(fields[14]?.type).toMatchObject({ kind: 'map', key: { kind: 'string' }, value: { kind: 'array', element: { kind: 'long' } } });
  });

  it('keeps field metadata verbatim and round-trips', () => {
    const fields = parseDeltaSchema(ALL);
    expect(fields[2]?.metadata).toEqual({ 'delta.columnMapping.id': 3, 'delta.columnMapping.physicalName': 'col-x', comment: 'hi' });
    expect(JSON.parse(deltaSchemaToJson(fields))).toEqual(ALL);
  });

  it('names the bad type and where it is', () => {
    const bad = { type: 'struct', fields: [{ name: 'outer', type: { type: 'struct', fields: [{ name: 'inner', type: 'uint128', nullable: true, metadata: {} }] }, nullable: true, metadata: {} }] };
    expect(() => parseDeltaSchema(bad)).toThrow(/uint128.*outer\.inner/);
    expect(() => parseDeltaType('decimal(40,2)')).toThrow(DeltaSqlError);
    expect(() => parseDeltaSchema('not json')).toThrow(/not JSON/);
  });
});
