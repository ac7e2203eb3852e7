/** Session settings (Spark keys), as strings; typed accessors for the ones the engine reads. */
import { DeltaSqlError } from '../common/errors.js';

export const ANSI_KEY = 'spark.sql.ansi.enabled';
export const TIME_ZONE_KEY = 'spark.sql.session.timeZone';
export const CASE_SENSITIVE_KEY = 'spark.sql.caseSensitive';
export const EXCLUDED_RULES_KEY = 'deltasql.optimizer.excludedRules';

function processTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function defaults(): Map<string, string> {
  return new Map([
    [ANSI_KEY, 'true'],
    [TIME_ZONE_KEY, processTimeZone()],
    [CASE_SENSITIVE_KEY, 'false'],
    [EXCLUDED_RULES_KEY, ''],
  ]);
}

function checkValue(key: string, value: string): string {
  const k = key.toLowerCase();
  if (k === ANSI_KEY.toLowerCase() || k === CASE_SENSITIVE_KEY.toLowerCase()) {
    const v = value.trim().toLowerCase();
    if (v !== 'true' && v !== 'false') throw new DeltaSqlError('INVALID_ARGUMENT', `${key} must be true or false, got '${value}'`);
    return v;
  }
  if (k === TIME_ZONE_KEY.toLowerCase()) {
    const v = value.trim();
    const zone = /^(utc|gmt|z)$/i.test(v) ? 'UTC' : v;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      if (!/^[+-]\d{1,2}(:?\d{2})?$/.test(zone)) throw new DeltaSqlError('INVALID_ARGUMENT', `invalid time zone '${value}'`);
    }
    return zone;
  }
  return value;
}

export class SessionConfig {
  private readonly values = defaults();

  constructor(initial: Readonly<Record<string, string | number | boolean>> = {}) {
    for (const [k, v] of Object.entries(initial)) this.set(k, v);
  }

  /** Keys match case-insensitively (as Spark's SET does for its own keys). */
  private keyOf(key: string): string {
    const k = key.trim();
    for (const existing of this.values.keys()) if (existing.toLowerCase() === k.toLowerCase()) return existing;
    return k;
  }

  get(key: string): string | undefined {
    return this.values.get(this.keyOf(key));
  }

  set(key: string, value: string | number | boolean): void {
    const k = this.keyOf(key);
    this.values.set(k, checkValue(k, String(value)));
  }

  /** Back to the default (or removed when it has none). */
  reset(key?: string): void {
    const d = defaults();
    if (key === undefined) {
      this.values.clear();
      for (const [k, v] of d) this.values.set(k, v);
      return;
    }
    const k = this.keyOf(key);
    const dv = d.get(k);
    if (dv === undefined) this.values.delete(k);
    else this.values.set(k, dv);
  }

  entries(): [string, string][] {
    return [...this.values.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  get ansi(): boolean {
    return this.get(ANSI_KEY) !== 'false';
  }

  get timeZone(): string {
    return this.get(TIME_ZONE_KEY) ?? 'UTC';
  }

  get caseSensitive(): boolean {
    return this.get(CASE_SENSITIVE_KEY) === 'true';
  }
}
