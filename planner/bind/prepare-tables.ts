/**
 * Before binding (which is synchronous): find every table a statement names — through views —
 * and resolve them, each Delta table at one snapshot for the statement.
 */
import type { TableFunction, TableRef } from '../../grammar/ast/index.js';
import { fileCall } from './file-function.js';
import type { StatementTables } from '../../src/catalog/statement-tables.js';
import type { SnapshotSpec } from '../../src/catalog/table-source.js';
import { walkAst } from './ast-walk.js';
import { tableKey } from './query-env.js';
import { timeTravelKey, timeTravelSpec } from './time-travel.js';

export async function prepareTables(root: unknown, tables: StatementTables, timeZone: string): Promise<void> {
  const seenViews = new Set<string>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    const refs: TableRef[] = [];
    const files: TableFunction[] = [];
    walkAst(node, (n) => {
      if (n.kind === 'tableFunction') files.push(n as TableFunction);
      if (n.kind === 'tableRef') refs.push(n as TableRef);
      if (n.kind === 'tableQuery') {
        const t = n as unknown as { name: TableRef['name']; span: TableRef['span'] };
        refs.push({ kind: 'tableRef', name: t.name, span: t.span });
      }
    });
    for (const f of files) {
      let call;
      try {
        call = fileCall(f);
      } catch {
        continue; // binding reports it with its position
      }
      if (call !== undefined) await tables.addFiles(call.key, call.format, call.paths, call.options);
    }
    for (const r of refs) {
      let spec: SnapshotSpec = { kind: 'latest' };
      let ttKey: string | undefined;
      if (r.timeTravel !== undefined) {
        try {
          ttKey = timeTravelKey(r.timeTravel);
          spec = timeTravelSpec(r.timeTravel, timeZone);
        } catch {
          continue; // binding reports the problem with its position
        }
      }
      const key = tableKey(r.name.parts, ttKey);
      await tables.add(key, r.name.parts, r.name.quoted, spec);
      const src = tables.sources.get(key);
      if (src !== undefined && !(src instanceof Error) && src.kind === 'view' && !seenViews.has(src.name.toLowerCase())) {
        seenViews.add(src.name.toLowerCase());
        pending.push(src.query);
      }
    }
  }
}
