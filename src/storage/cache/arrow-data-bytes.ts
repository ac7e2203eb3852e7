/**
 * Byte accounting and copying of Arrow Data, for caches that must hold exactly what they count.
 * Decoded batches are views into one large IPC buffer; keeping one column of it alive would pin
 * the whole buffer, so cached columns get buffers of their own.
 */
import * as arrow from 'apache-arrow';

type AnyData = arrow.Data<arrow.DataType>;
/** The buffer record `new arrow.Data` takes (arrow does not export its `Buffers` type). */
type DataBuffers = Exclude<ConstructorParameters<typeof arrow.Data<arrow.DataType>>[4], undefined | arrow.Data>;

function buffersOf(data: AnyData): Array<ArrayBufferView | undefined> {
  // Index order is arrow.BufferType: OFFSET, DATA, VALIDITY, TYPE.
  return [data.valueOffsets, data.values, data.nullBitmap, data.typeIds] as Array<ArrayBufferView | undefined>;
}

/** Bytes held by the given Data (buffers, children, dictionaries); shared parts are counted once. */
export function arrowDataBytes(chunks: readonly AnyData[]): number {
  const seen = new Set<AnyData>();
  let total = 0;
  const visit = (data: AnyData): void => {
    if (seen.has(data)) return;
    seen.add(data);
    for (const buffer of buffersOf(data)) total += buffer?.byteLength ?? 0;
    for (const buffer of data.variadicBuffers ?? []) total += buffer.byteLength;
    for (const child of data.children) visit(child);
    for (const dict of data.dictionary?.data ?? []) visit(dict);
  };
  for (const data of chunks) visit(data);
  return total;
}

function copyView<T extends ArrayBufferView>(view: T | undefined): T | undefined {
  if (view === undefined || view === null) return undefined;
  const Ctor = view.constructor as new (buffer: ArrayBuffer) => T;
  // ArrayBuffer.slice copies without zero-filling first.
  return new Ctor((view.buffer as ArrayBuffer).slice(view.byteOffset, view.byteOffset + view.byteLength));
}

/** Deep copies of `chunks` with their own buffers; a dictionary shared by several chunks stays shared. */
export function copyArrowData(chunks: readonly AnyData[]): AnyData[] {
  const copies = new Map<AnyData, AnyData>();
  const dictionaries = new Map<arrow.Vector, arrow.Vector>();
  const copy = (data: AnyData): AnyData => {
    const done = copies.get(data);
    if (done !== undefined) return done;
    const [offsets, values, validity, typeIds] = buffersOf(data).map(copyView);
    const buffers: { -readonly [K in keyof DataBuffers]: DataBuffers[K] } = {};
    if (offsets !== undefined) buffers[arrow.BufferType.OFFSET] = offsets as Int32Array;
    if (values !== undefined) buffers[arrow.BufferType.DATA] = values as DataBuffers[arrow.BufferType.DATA];
    if (validity !== undefined) buffers[arrow.BufferType.VALIDITY] = validity as Uint8Array;
    if (typeIds !== undefined) buffers[arrow.BufferType.TYPE] = typeIds as DataBuffers[arrow.BufferType.TYPE];
    const variadic = (data.variadicBuffers ?? []).map((b) => copyView(b) as Uint8Array);
    let dictionary: arrow.Vector | undefined;
    if (data.dictionary !== undefined) {
      dictionary = dictionaries.get(data.dictionary);
      if (dictionary === undefined) {
        dictionary = new arrow.Vector(data.dictionary.data.map(copy));
        dictionaries.set(data.dictionary, dictionary);
      }
    }
    const out = new arrow.Data(data.type, data.offset, data.length, data.nullCount, buffers, data.children.map(copy), dictionary, variadic);
    copies.set(data, out);
    return out;
  };
  return chunks.map(copy);
}
