/**
 * Which table paths VACUUM leaves alone (Spark's DeltaTableUtils.isHiddenDirectory): names
 * starting with `_` or `.`, except Delta's own `_change_data` / `_delta_index` folders and
 * partition folders of columns whose name starts with `_`.
 */
export function isHiddenName(name: string, partitionColumns: readonly string[]): boolean {
  if (!name.startsWith('_') && !name.startsWith('.')) return false;
  if (name.startsWith('_change_data') || name.startsWith('_delta_index')) return false;
  return !partitionColumns.some((c) => name.startsWith(`${c}=`));
}

/** True when any segment of a table-relative path is hidden (the log is always hidden). */
export function isHiddenPath(path: string, partitionColumns: readonly string[]): boolean {
  return path.split('/').some((segment) => isHiddenName(segment, partitionColumns));
}
