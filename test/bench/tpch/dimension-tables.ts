/** region, nation, supplier, customer, part and partsupp, with dbgen's domains and key rules. */
import * as arrow from 'apache-arrow';
import { Prng } from './prng.js';
import { int32Vector, moneyVector, Utf8Builder, type MoneyType } from './columns.js';
import { TextPool, vString } from './text-pool.js';

export interface GenContext {
  readonly sf: number;
  readonly seed: number;
  readonly money: MoneyType;
  readonly pool: TextPool;
}

export const REGIONS = ['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'];
/** [name, regionkey], nationkey = index (TPC-H's fixed list). */
export const NATIONS: ReadonlyArray<readonly [string, number]> = [
  ['ALGERIA', 0], ['ARGENTINA', 1], ['BRAZIL', 1], ['CANADA', 1], ['EGYPT', 4], ['ETHIOPIA', 0], ['FRANCE', 3], ['GERMANY', 3],
  ['INDIA', 2], ['INDONESIA', 2], ['IRAN', 4], ['IRAQ', 4], ['JAPAN', 2], ['JORDAN', 4], ['KENYA', 0], ['MOROCCO', 0],
  ['MOZAMBIQUE', 0], ['PERU', 1], ['CHINA', 2], ['ROMANIA', 3], ['SAUDI ARABIA', 4], ['VIETNAM', 2], ['RUSSIA', 3],
  ['UNITED KINGDOM', 3], ['UNITED STATES', 1],
];
const COLORS = (
  'almond antique aquamarine azure beige bisque black blanched blue blush brown burlywood burnished chartreuse chiffon ' +
  'chocolate coral cornflower cornsilk cream cyan dark deep dim dodger drab firebrick floral forest frosted gainsboro ghost ' +
  'goldenrod green grey honeydew hot indian ivory khaki lace lavender lawn lemon light lime linen magenta maroon medium ' +
  'metallic midnight mint misty moccasin navajo navy olive orange orchid pale papaya peach peru pink plum powder puff ' +
  'purple red rose rosy royal saddle salmon sandy seashell sienna sky slate smoke snow spring steel tan thistle tomato ' +
  'turquoise violet wheat white yellow'
).split(' ');
const TYPE_1 = ['STANDARD', 'SMALL', 'MEDIUM', 'LARGE', 'ECONOMY', 'PROMO'];
const TYPE_2 = ['ANODIZED', 'BURNISHED', 'PLATED', 'POLISHED', 'BRUSHED'];
const TYPE_3 = ['TIN', 'NICKEL', 'BRASS', 'STEEL', 'COPPER'];
const CONTAINER_1 = ['SM', 'LG', 'MED', 'JUMBO', 'WRAP'];
const CONTAINER_2 = ['CASE', 'BOX', 'BAG', 'JAR', 'PKG', 'PACK', 'CAN', 'DRUM'];
const SEGMENTS = ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'MACHINERY', 'HOUSEHOLD'];

export const counts = (sf: number) => ({
  supplier: Math.max(1, Math.round(10_000 * sf)),
  customer: Math.max(1, Math.round(150_000 * sf)),
  part: Math.max(1, Math.round(200_000 * sf)),
  orders: Math.max(1, Math.round(1_500_000 * sf)),
});

/** dbgen's retail price of a part, in cents. */
export const retailCents = (partkey: number): number => 90_000 + (Math.floor(partkey / 10) % 20_001) + 100 * (partkey % 1000);

/** The i-th (0..3) supplier of a part: dbgen's spreading rule over S suppliers. */
export const partSupplier = (partkey: number, i: number, s: number): number =>
  ((partkey + i * (Math.floor(s / 4) + Math.floor((partkey - 1) / s))) % s) + 1;

function phone(r: Prng, out: Utf8Builder, nation: number): void {
  out.text(String(nation + 10)).text('-').text(String(r.int(100, 999))).text('-').text(String(r.int(100, 999))).text('-').text(String(r.int(1000, 9999))).end();
}

function acctbal(r: Prng, n: number): Float64Array {
  return Float64Array.from({ length: n }, () => r.int(-99_999, 999_999));
}

export function region(ctx: GenContext): arrow.Table {
  const r = Prng.of(ctx.seed, 'region');
  const name = new Utf8Builder(5);
  const comment = new Utf8Builder(5, 80);
  for (const n of REGIONS) {
    name.push(n);
    ctx.pool.comment(r, comment, 31, 115);
  }
  return new arrow.Table({ r_regionkey: int32Vector(Int32Array.from(REGIONS, (_, i) => i)), r_name: name.vector(), r_comment: comment.vector() });
}

export function nation(ctx: GenContext): arrow.Table {
  const r = Prng.of(ctx.seed, 'nation');
  const name = new Utf8Builder(25);
  const comment = new Utf8Builder(25, 80);
  for (const [n] of NATIONS) {
    name.push(n);
    ctx.pool.comment(r, comment, 31, 114);
  }
  return new arrow.Table({
    n_nationkey: int32Vector(Int32Array.from(NATIONS, (_, i) => i)),
    n_name: name.vector(),
    n_regionkey: int32Vector(Int32Array.from(NATIONS, ([, rk]) => rk)),
    n_comment: comment.vector(),
  });
}

export function supplier(ctx: GenContext): arrow.Table {
  const n = counts(ctx.sf).supplier;
  const r = Prng.of(ctx.seed, 'supplier');
  const key = Int32Array.from({ length: n }, (_, i) => i + 1);
  const nationKey = Int32Array.from({ length: n }, () => r.int(0, 24));
  const name = new Utf8Builder(n, 18);
  const address = new Utf8Builder(n, 25);
  const phones = new Utf8Builder(n, 15);
  const comment = new Utf8Builder(n, 63);
  // dbgen plants "Customer … Complaints" and "Customer … Recommends" in SF*5 rows each.
  const planted = Math.max(1, Math.round(5 * ctx.sf));
  const complaints = new Set<number>();
  const recommends = new Set<number>();
  while (complaints.size < Math.min(planted, n)) complaints.add(r.int(0, n - 1));
  while (recommends.size < Math.min(planted, n - complaints.size)) {
    const i = r.int(0, n - 1);
    if (!complaints.has(i)) recommends.add(i);
  }
  for (let i = 0; i < n; i++) {
    name.text('Supplier#').padded(i + 1, 9).end();
    vString(r, address, 10, 40);
    phone(r, phones, nationKey[i] as number);
    if (complaints.has(i)) ctx.pool.plant(r, comment, 25, 100, 'Customer ', 'Complaints');
    else if (recommends.has(i)) ctx.pool.plant(r, comment, 25, 100, 'Customer ', 'Recommends');
    else ctx.pool.comment(r, comment, 25, 100);
  }
  return new arrow.Table({
    s_suppkey: int32Vector(key),
    s_name: name.vector(),
    s_address: address.vector(),
    s_nationkey: int32Vector(nationKey),
    s_phone: phones.vector(),
    s_acctbal: moneyVector(acctbal(r, n), ctx.money),
    s_comment: comment.vector(),
  });
}

export function customer(ctx: GenContext): arrow.Table {
  const n = counts(ctx.sf).customer;
  const r = Prng.of(ctx.seed, 'customer');
  const nationKey = Int32Array.from({ length: n }, () => r.int(0, 24));
  const name = new Utf8Builder(n, 18);
  const address = new Utf8Builder(n, 25);
  const phones = new Utf8Builder(n, 15);
  const segment = new Utf8Builder(n, 9);
  const comment = new Utf8Builder(n, 73);
  for (let i = 0; i < n; i++) {
    name.text('Customer#').padded(i + 1, 9).end();
    vString(r, address, 10, 40);
    phone(r, phones, nationKey[i] as number);
    segment.push(r.pick(SEGMENTS));
    ctx.pool.comment(r, comment, 29, 116);
  }
  return new arrow.Table({
    c_custkey: int32Vector(Int32Array.from({ length: n }, (_, i) => i + 1)),
    c_name: name.vector(),
    c_address: address.vector(),
    c_nationkey: int32Vector(nationKey),
    c_phone: phones.vector(),
    c_acctbal: moneyVector(acctbal(r, n), ctx.money),
    c_mktsegment: segment.vector(),
    c_comment: comment.vector(),
  });
}

export function part(ctx: GenContext): arrow.Table {
  const n = counts(ctx.sf).part;
  const r = Prng.of(ctx.seed, 'part');
  const name = new Utf8Builder(n, 35);
  const mfgr = new Utf8Builder(n, 14);
  const brand = new Utf8Builder(n, 8);
  const type = new Utf8Builder(n, 20);
  const container = new Utf8Builder(n, 7);
  const comment = new Utf8Builder(n, 14);
  const size = new Int32Array(n);
  const price = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const words = new Set<string>();
    while (words.size < 5) words.add(r.pick(COLORS));
    name.push([...words].join(' '));
    const m = r.int(1, 5);
    mfgr.push(`Manufacturer#${m}`);
    brand.push(`Brand#${m}${r.int(1, 5)}`);
    type.push(`${r.pick(TYPE_1)} ${r.pick(TYPE_2)} ${r.pick(TYPE_3)}`);
    size[i] = r.int(1, 50);
    container.push(`${r.pick(CONTAINER_1)} ${r.pick(CONTAINER_2)}`);
    price[i] = retailCents(i + 1);
    ctx.pool.comment(r, comment, 5, 22);
  }
  return new arrow.Table({
    p_partkey: int32Vector(Int32Array.from({ length: n }, (_, i) => i + 1)),
    p_name: name.vector(),
    p_mfgr: mfgr.vector(),
    p_brand: brand.vector(),
    p_type: type.vector(),
    p_size: int32Vector(size),
    p_container: container.vector(),
    p_retailprice: moneyVector(price, ctx.money),
    p_comment: comment.vector(),
  });
}

export function partsupp(ctx: GenContext): arrow.Table {
  const { part: parts, supplier: s } = counts(ctx.sf);
  const n = parts * 4;
  const r = Prng.of(ctx.seed, 'partsupp');
  const partKey = new Int32Array(n);
  const suppKey = new Int32Array(n);
  const avail = new Int32Array(n);
  const cost = new Float64Array(n);
  const comment = new Utf8Builder(n, 124);
  for (let p = 1, row = 0; p <= parts; p++) {
    for (let i = 0; i < 4; i++, row++) {
      partKey[row] = p;
      suppKey[row] = partSupplier(p, i, s);
      avail[row] = r.int(1, 9999);
      cost[row] = r.int(100, 100_000);
      ctx.pool.comment(r, comment, 49, 198);
    }
  }
  return new arrow.Table({
    ps_partkey: int32Vector(partKey),
    ps_suppkey: int32Vector(suppKey),
    ps_availqty: int32Vector(avail),
    ps_supplycost: moneyVector(cost, ctx.money),
    ps_comment: comment.vector(),
  });
}
