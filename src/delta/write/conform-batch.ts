/**
 * Schema enforcement on write: incoming batches are matched to the table schema by column name
 * (case-insensitive), reordered, missing nullable columns filled with nulls, safe upcasts applied;
 * anything else is SCHEMA_MISMATCH naming the column. With mergeSchema, new columns (and new
 * nested struct fields) are added to the table schema instead of rejected.
 */
import * as arrow from 'apache-arrow';
import { DeltaSqlError } from '../../common/errors.js';
import { toArrowSchema, toArrowType } from '../../common/types/arrow-type.js';
import { sameType, typeToSql, type DataType, type StructField } from '../../common/types/data-type.js';
import { fromArrowType } from '../../common/types/arrow-type.js';
import { castLeaf, decodeDictionary, isSafeUpcast } from './leaf-cast.js';

function mismatch(message: string): never {
  throw new DeltaSqlError('SCHEMA_MISMATCH', `A schema mismatch detected when writing to the Delta table: ${message}`, {
    hint: 'To add new columns, write with the mergeSchema option; types can only be widened safely (e.g. int to bigint).',
  });
}

const find = (fields: readonly StructField[], name: string): StructField | undefined =>
  fields.find((f) => f.name === name) ?? fields.find((f) => f.name.toLowerCase() === name.toLowerCase());

/** The schema after writing `incoming` into `table`: the table's, or merged when allowed. */
export function mergeWriteSchema(table: readonly StructField[], incoming: readonly StructField[], mergeSchema: boolean, path = ''): StructField[] {
  const out = table.map((f) => {
    const other = find(incoming, f.name);
    if (other === undefined) return f;
    const where = `${path}${f.name}`;
    if (f.type.kind === 'struct' && other.type.kind === 'struct') {
      return { ...f, type: { kind: 'struct' as const, fields: mergeWriteSchema(f.type.fields, other.type.fields, mergeSchema, `${where}.`) } };
    }
    if (!compatible(other.type, f.type)) {
      mismatch(`column '${where}' has type ${typeToSql(f.type)} in the table but ${typeToSql(other.type)} in the data being written`);
    }
    return f;
  });
  for (const f of incoming) {
    if (find(table, f.name) !== undefined) continue;
    if (!mergeSchema) mismatch(`column '${path}${f.name}' is not in the table schema`);
    if (f.type.kind === 'null') mismatch(`column '${path}${f.name}' has no type (void) and cannot be added to the table`);
    out.push({ ...f, nullable: true });
  }
  return out;
}

function compatible(from: DataType, to: DataType): boolean {
  if (from.kind === 'array' && to.kind === 'array') return compatible(from.element, to.element);
  if (from.kind === 'map' && to.kind === 'map') return compatible(from.key, to.key) && compatible(from.value, to.value);
  if (from.kind === 'struct' && to.kind === 'struct') {
    return from.fields.every((f) => {
      const t = find(to.fields, f.name);
      return t !== undefined && compatible(f.type, t.type);
    });
  }
  return isSafeUpcast(from, to);
}

function allNull(f: StructField, length: number): arrow.Data {
  const type = toArrowType(f.type);
  const bitmap = new Uint8Array(((length + 63) & ~63) >> 3);
  if (f.type.kind === 'struct') {
    return arrow.makeData({ type: type as arrow.Struct, length, nullCount: length, nullBitmap: bitmap, children: f.type.fields.map((c) => allNull(c, length)) });
  }
  return new arrow.Data(type, 0, length, length, { [arrow.BufferType.VALIDITY]: bitmap, ...emptyBuffers(type, length) } as ConstructorParameters<typeof arrow.Data>[4], childrenFor(type));
}

function emptyBuffers(type: arrow.DataType, length: number): Record<number, unknown> {
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isBinary(type)) return { [arrow.BufferType.OFFSET]: new Int32Array(length + 1), [arrow.BufferType.DATA]: new Uint8Array(0) };
  if (arrow.DataType.isList(type) || arrow.DataType.isMap(type)) return { [arrow.BufferType.OFFSET]: new Int32Array(length + 1) };
  if (arrow.DataType.isBool(type)) return { [arrow.BufferType.DATA]: new Uint8Array(((length + 63) & ~63) >> 3) };
  const Ctor = (type as arrow.DataType & { ArrayType?: new (n: number) => ArrayBufferView }).ArrayType;
  const stride = arrow.DataType.isDecimal(type) ? 4 : 1;
  return Ctor === undefined ? {} : { [arrow.BufferType.DATA]: new Ctor(length * stride) };
}

/** Lists and maps of all-null rows still need an (empty) child. */
function childrenFor(type: arrow.DataType): arrow.Data[] {
  const child = arrow.DataType.isList(type) || arrow.DataType.isMap(type) ? type.children[0] : undefined;
  return child === undefined ? [] : [emptyOf(child.type)];
}

function emptyOf(type: arrow.DataType): arrow.Data {
  if (arrow.DataType.isStruct(type)) return arrow.makeData({ type, length: 0, nullCount: 0, children: type.children.map((c) => emptyOf(c.type)) });
  return new arrow.Data(type, 0, 0, 0, emptyBuffers(type, 0) as ConstructorParameters<typeof arrow.Data>[4], childrenFor(type));
}

function conformColumn(data: arrow.Data, target: StructField, where: string): arrow.Data {
  if (data.typeId === arrow.Type.Dictionary) data = decodeDictionary(data);
  const from = fromArrowType(data.type);
  const to = target.type;
  if (to.kind === 'struct' && from.kind === 'struct') {
    const incoming = (data.type as arrow.Struct).children;
    const children = to.fields.map((tf) => {
      const idx = incoming.findIndex((f) => f.name === tf.name || f.name.toLowerCase() === tf.name.toLowerCase());
      const child = idx < 0 ? undefined : data.children[idx];
      if (child === undefined) return allNull(tf, data.length);
      return conformColumn(child, tf, `${where}.${tf.name}`);
    });
    const buffers: Record<number, unknown> = {};
    if (data.nullCount > 0 && data.nullBitmap !== undefined) buffers[arrow.BufferType.VALIDITY] = data.nullBitmap;
    return new arrow.Data(toArrowType(to), data.offset, data.length, data.nullCount, buffers as ConstructorParameters<typeof arrow.Data>[4], children);
  }
  if (to.kind === 'array' && from.kind === 'array') {
    // Elements are conformed like a column (upcasts, nested structs), offsets and validity kept.
    const child = data.children[0];
    const element = child === undefined ? undefined : conformColumn(child, { name: 'element', type: to.element, nullable: to.containsNull, metadata: {} }, `${where}.element`);
    return new arrow.Data(toArrowType(to), data.offset, data.length, data.nullCount, data, element === undefined ? [] : [element], undefined);
  }
  if (to.kind === 'array' || to.kind === 'map' || to.kind === 'struct') {
    if (!sameType(from, to)) mismatch(`column '${where}' has type ${typeToSql(to)} in the table but ${typeToSql(from)} in the data being written`);
    // Same logical nested type: reuse the buffers under the table's field names.
    return new arrow.Data(toArrowType(to), data.offset, data.length, data.nullCount, data, data.children, undefined);
  }
  const cast = castLeaf(data, from, to);
  if (cast === undefined) mismatch(`column '${where}' has type ${typeToSql(to)} in the table but ${typeToSql(from)} in the data being written`);
  return cast;
}

/** `batch` rearranged into `schema` (the write schema): names, order and Arrow types of the table. */
export function conformBatch(batch: arrow.RecordBatch, schema: readonly StructField[]): arrow.RecordBatch {
  const fields = batch.schema.fields;
  const children = schema.map((f) => {
    const idx = fields.findIndex((x) => x.name === f.name);
    const at = idx >= 0 ? idx : fields.findIndex((x) => x.name.toLowerCase() === f.name.toLowerCase());
    const data = at < 0 ? undefined : batch.data.children[at];
    return data === undefined ? allNull(f, batch.numRows) : conformColumn(data, f, f.name);
  });
  for (const f of fields) if (find(schema, f.name) === undefined) mismatch(`column '${f.name}' is not in the table schema`);
  const arrowSchema = toArrowSchema(schema);
  const data = arrow.makeData({ type: new arrow.Struct(arrowSchema.fields), length: batch.numRows, nullCount: 0, children });
  return new arrow.RecordBatch(arrowSchema, data);
}

