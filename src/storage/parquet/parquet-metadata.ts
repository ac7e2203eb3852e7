/** The Parquet footer, decoded into plain data (see parquet-footer.ts). */

export type ParquetPhysicalType =
  | 'BOOLEAN'
  | 'INT32'
  | 'INT64'
  | 'INT96'
  | 'FLOAT'
  | 'DOUBLE'
  | 'BYTE_ARRAY'
  | 'FIXED_LEN_BYTE_ARRAY';

export type ParquetRepetition = 'REQUIRED' | 'OPTIONAL' | 'REPEATED';

export type ParquetTimeUnit = 'MILLIS' | 'MICROS' | 'NANOS';

/** The footer's LogicalType union; members we do not model keep their union id. */
export type ParquetLogicalType =
  | { readonly type: 'STRING' | 'MAP' | 'LIST' | 'ENUM' | 'DATE' | 'UNKNOWN' | 'JSON' | 'BSON' | 'UUID' | 'FLOAT16' | 'VARIANT' }
  | { readonly type: 'DECIMAL'; readonly scale: number; readonly precision: number }
  | { readonly type: 'TIME' | 'TIMESTAMP'; readonly isAdjustedToUTC: boolean; readonly unit: ParquetTimeUnit }
  | { readonly type: 'INTEGER'; readonly bitWidth: number; readonly isSigned: boolean }
  | { readonly type: 'OTHER'; readonly id: number };

export type ParquetConvertedType =
  | 'UTF8'
  | 'MAP'
  | 'MAP_KEY_VALUE'
  | 'LIST'
  | 'ENUM'
  | 'DECIMAL'
  | 'DATE'
  | 'TIME_MILLIS'
  | 'TIME_MICROS'
  | 'TIMESTAMP_MILLIS'
  | 'TIMESTAMP_MICROS'
  | 'UINT_8'
  | 'UINT_16'
  | 'UINT_32'
  | 'UINT_64'
  | 'INT_8'
  | 'INT_16'
  | 'INT_32'
  | 'INT_64'
  | 'JSON'
  | 'BSON'
  | 'INTERVAL';

/** One element of the flattened schema tree (depth-first; groups carry numChildren). */
export interface ParquetSchemaNode {
  readonly name: string;
  /** Absent for groups. */
  readonly physicalType?: ParquetPhysicalType;
  readonly typeLength?: number;
  /** Absent for the root. */
  readonly repetition?: ParquetRepetition;
  /** Present for groups (including the root). */
  readonly numChildren?: number;
  readonly convertedType?: ParquetConvertedType;
  readonly logicalType?: ParquetLogicalType;
  readonly scale?: number;
  readonly precision?: number;
  readonly fieldId?: number;
}

/** A primitive column: a leaf of the schema tree. */
export interface ParquetLeafColumn {
  /** Names from the top-level field down to the leaf, e.g. ['m', 'key_value', 'key']. */
  readonly path: readonly string[];
  readonly physicalType: ParquetPhysicalType;
  readonly typeLength?: number;
  readonly repetition: ParquetRepetition;
  readonly convertedType?: ParquetConvertedType;
  readonly logicalType?: ParquetLogicalType;
  /** Decimal scale and precision, from the logical type or the legacy fields. */
  readonly scale?: number;
  readonly precision?: number;
  /** Timestamp/time unit, from the logical type or the converted type. */
  readonly timeUnit?: ParquetTimeUnit;
  /** Timestamps: true = UTC instant (Delta timestamp), false = local/no zone (timestamp_ntz). */
  readonly isAdjustedToUTC?: boolean;
  readonly fieldId?: number;
  readonly maxDefinitionLevel: number;
  readonly maxRepetitionLevel: number;
}

/**
 * Decoded column statistics. Values by physical + logical type:
 * INT32 → number (DATE: days; unsigned read as unsigned), INT64 → bigint (timestamps raw in
 * the column's timeUnit), FLOAT/DOUBLE → number, BOOLEAN → boolean, DECIMAL (any encoding)
 * → bigint unscaled (scale on the leaf column), UTF8/STRING/ENUM/JSON BYTE_ARRAY → string,
 * other BYTE_ARRAY/FIXED → Uint8Array. INT96 stats are dropped (undefined sort order).
 */
export interface ParquetColumnStats {
  readonly min?: unknown;
  readonly max?: unknown;
  readonly nullCount?: number;
  readonly distinctCount?: number;
  /** False when the writer truncated the bound (binary columns). */
  readonly minExact?: boolean;
  readonly maxExact?: boolean;
}

export interface ParquetColumnChunk {
  readonly path: readonly string[];
  readonly physicalType: ParquetPhysicalType;
  readonly codec: string;
  readonly numValues: number;
  readonly totalCompressedSize: number;
  readonly totalUncompressedSize: number;
  readonly dataPageOffset: number;
  readonly dictionaryPageOffset?: number;
  readonly stats?: ParquetColumnStats;
}

export interface ParquetRowGroup {
  readonly numRows: number;
  readonly totalByteSize: number;
  readonly totalCompressedSize?: number;
  readonly fileOffset?: number;
  readonly columns: readonly ParquetColumnChunk[];
}

export interface ParquetMetadata {
  readonly version: number;
  readonly numRows: number;
  readonly createdBy?: string;
  readonly keyValueMetadata: Readonly<Record<string, string>>;
  readonly schema: readonly ParquetSchemaNode[];
  readonly leafColumns: readonly ParquetLeafColumn[];
  readonly rowGroups: readonly ParquetRowGroup[];
}
