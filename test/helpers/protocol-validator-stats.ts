/** The `stats` JSON of an add checked against the table schema (physical names), for the validator. */

export interface SchemaInfo {
  readonly schema: unknown;
  readonly partitionColumns: readonly string[];
  readonly mode: string;
}

type Field = { name: string; type: unknown; metadata: Record<string, unknown> };

function fieldsOf(type: unknown): Field[] {
  if (typeof type !== 'object' || type === null) return [];
  const fields = (type as Record<string, unknown>)['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.map((f) => {
    const o = f as Record<string, unknown>;
    return { name: String(o['name']), type: o['type'], metadata: (o['metadata'] as Record<string, unknown> | undefined) ?? {} };
  });
}

function physical(f: Field, mode: string): string {
  const p = f.metadata['delta.columnMapping.physicalName'];
  return mode !== 'none' && typeof p === 'string' ? p : f.name;
}

export function physicalPartitionColumns(info: SchemaInfo): string[] {
  const fields = fieldsOf(info.schema);
  return info.partitionColumns.map((c) => {
    const f = fields.find((x) => x.name === c);
    return f === undefined ? c : physical(f, info.mode);
  });
}

const NUMERIC = /^(byte|short|integer|long|float|double|decimal.*)$/;
const TEXTUAL = /^(string|date|timestamp|timestamp_ntz)$/;

function checkValues(kind: 'min' | 'max' | 'nullCount', values: unknown, fields: Field[], mode: string, where: string, out: string[]): void {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    out.push(`${where} is not an object`);
    return;
  }
  for (const [key, v] of Object.entries(values)) {
    const f = fields.find((x) => physical(x, mode) === key);
    if (f === undefined) {
      out.push(`${where}.${key} is not a column of the table`);
      continue;
    }
    const t = f.type;
    if (typeof t === 'object' && t !== null && (t as Record<string, unknown>)['type'] === 'struct') {
      checkValues(kind, v, fieldsOf(t), mode, `${where}.${key}`, out);
      continue;
    }
    if (kind === 'nullCount') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) out.push(`${where}.${key} should be a count, got ${JSON.stringify(v)}`);
      continue;
    }
    const name = typeof t === 'string' ? t : '';
    if (NUMERIC.test(name) && typeof v !== 'number') out.push(`${where}.${key} should be a number for ${name}, got ${JSON.stringify(v)}`);
    else if (TEXTUAL.test(name) && typeof v !== 'string') out.push(`${where}.${key} should be a string for ${name}, got ${JSON.stringify(v)}`);
    else if (!NUMERIC.test(name) && !TEXTUAL.test(name)) out.push(`${where}.${key}: no min/max is defined for type ${JSON.stringify(t)}`);
  }
}

export function checkStats(text: string, info: SchemaInfo): string[] {
  const out: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return ['not JSON'];
  }
  if (typeof json !== 'object' || json === null) return ['not an object'];
  const stats = json as Record<string, unknown>;
  const n = stats['numRecords'];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) out.push(`numRecords should be a count, got ${JSON.stringify(n)}`);
  const data = fieldsOf(info.schema).filter((f) => !info.partitionColumns.includes(f.name));
  if (stats['minValues'] !== undefined) checkValues('min', stats['minValues'], data, info.mode, 'minValues', out);
  if (stats['maxValues'] !== undefined) checkValues('max', stats['maxValues'], data, info.mode, 'maxValues', out);
  if (stats['nullCount'] !== undefined) checkValues('nullCount', stats['nullCount'], data, info.mode, 'nullCount', out);
  return out;
}
