/**
 * parquet-wasm, loaded on first use: its Node build compiles the WebAssembly module synchronously
 * at import (~60 ms of CPU), which every CLI start paid even for statements that read no Parquet.
 * The Node build is CommonJS, so a synchronous require keeps callers synchronous.
 */
import { createRequire } from 'node:module';

export type ParquetWasm = typeof import('parquet-wasm');

let loaded: ParquetWasm | undefined;

export function parquetWasm(): ParquetWasm {
  loaded ??= createRequire(import.meta.url)('parquet-wasm') as ParquetWasm;
  return loaded;
}
