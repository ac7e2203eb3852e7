/**
 * orders and lineitem, generated together in chunks of orders (o_totalprice and
 * o_orderstatus come from the order's lines), with dbgen's sparse order keys and date rules.
 */
import * as arrow from 'apache-arrow';
import { dateVector, days, int32Vector, moneyVector, Utf8Builder } from './columns.js';
import { counts, partSupplier, retailCents, type GenContext } from './dimension-tables.js';
import { Prng } from './prng.js';

const PRIORITIES = ['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'];
const INSTRUCTIONS = ['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'];
const MODES = ['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'];
const START = days(1992, 1, 1);
const END = days(1998, 12, 31);
/** dbgen's "current date": lines received by then are returned (R/A) or not (N); shipped after it are open (O). */
const CURRENT = days(1995, 6, 17);

export interface OrderChunk {
  readonly orders: arrow.Table;
  readonly lineitem: arrow.Table;
}

/** Orders per chunk: ~1M lineitems, so a chunk's Arrow data stays well under a few hundred MB. */
export const ORDERS_PER_CHUNK = 250_000;

/** The orders (and their lines) of the whole table, chunk by chunk, deterministically. */
export function* orderChunks(ctx: GenContext): Generator<OrderChunk> {
  const { orders: total, customer: customers, part: parts, supplier: suppliers } = counts(ctx.sf);
  const r = Prng.of(ctx.seed, 'orders');
  const lr = Prng.of(ctx.seed, 'lineitem');
  const clerks = Math.max(1, Math.round(1000 * ctx.sf));
  for (let first = 0; first < total; first += ORDERS_PER_CHUNK) {
    const n = Math.min(ORDERS_PER_CHUNK, total - first);
    const oKey = new Int32Array(n);
    const oCust = new Int32Array(n);
    const oDate = new Int32Array(n);
    const oTotal = new Float64Array(n);
    const oStatus = new Utf8Builder(n, 1);
    const oPriority = new Utf8Builder(n, 9);
    const oClerk = new Utf8Builder(n, 15);
    const oComment = new Utf8Builder(n, 49);
    const cap = n * 7;
    const lOrder = new Int32Array(cap);
    const lPart = new Int32Array(cap);
    const lSupp = new Int32Array(cap);
    const lNumber = new Int32Array(cap);
    const lQty = new Float64Array(cap);
    const lPrice = new Float64Array(cap);
    const lDisc = new Float64Array(cap);
    const lTax = new Float64Array(cap);
    const lShip = new Int32Array(cap);
    const lCommit = new Int32Array(cap);
    const lReceipt = new Int32Array(cap);
    const lReturn = new Utf8Builder(cap, 1);
    const lStatus = new Utf8Builder(cap, 1);
    const lInstruct = new Utf8Builder(cap, 12);
    const lMode = new Utf8Builder(cap, 5);
    const lComment = new Utf8Builder(cap, 27);
    let line = 0;
    for (let o = 0; o < n; o++) {
      const index = first + o;
      const key = Math.floor(index / 8) * 32 + (index % 8) + 1;
      let cust = r.int(1, customers);
      // A third of the customers (keys divisible by 3) never order.
      while (customers >= 3 && cust % 3 === 0) cust = r.int(1, customers);
      const date = r.int(START, END - 151);
      oKey[o] = key;
      oCust[o] = cust;
      oDate[o] = date;
      oPriority.push(PRIORITIES[r.int(0, 4)] as string);
      oClerk.text('Clerk#').padded(r.int(1, clerks), 9).end();
      ctx.pool.comment(r, oComment, 19, 78);
      const lines = lr.int(1, 7);
      let total = 0;
      let open = 0;
      for (let l = 0; l < lines; l++, line++) {
        const partkey = lr.int(1, parts);
        const qty = lr.int(1, 50);
        const price = qty * retailCents(partkey);
        const disc = lr.int(0, 10);
        const tax = lr.int(0, 8);
        const ship = date + lr.int(1, 121);
        const receipt = ship + lr.int(1, 30);
        lOrder[line] = key;
        lPart[line] = partkey;
        lSupp[line] = partSupplier(partkey, lr.int(0, 3), suppliers);
        lNumber[line] = l + 1;
        lQty[line] = qty * 100;
        lPrice[line] = price;
        lDisc[line] = disc;
        lTax[line] = tax;
        lShip[line] = ship;
        lCommit[line] = date + lr.int(30, 90);
        lReceipt[line] = receipt;
        lReturn.push(receipt <= CURRENT ? (lr.int(0, 1) === 0 ? 'R' : 'A') : 'N');
        const isOpen = ship > CURRENT;
        if (isOpen) open++;
        lStatus.push(isOpen ? 'O' : 'F');
        lInstruct.push(INSTRUCTIONS[lr.int(0, 3)] as string);
        lMode.push(MODES[lr.int(0, 6)] as string);
        ctx.pool.comment(lr, lComment, 10, 43);
        total += Math.round((price * (100 - disc) * (100 + tax)) / 10_000);
      }
      oTotal[o] = total;
      oStatus.push(open === lines ? 'O' : open === 0 ? 'F' : 'P');
    }
    const orders = new arrow.Table({
      o_orderkey: int32Vector(oKey),
      o_custkey: int32Vector(oCust),
      o_orderstatus: oStatus.vector(),
      o_totalprice: moneyVector(oTotal, ctx.money),
      o_orderdate: dateVector(oDate),
      o_orderpriority: oPriority.vector(),
      o_clerk: oClerk.vector(),
      o_shippriority: int32Vector(new Int32Array(n)),
      o_comment: oComment.vector(),
    });
    const cut = <T extends Int32Array | Float64Array>(a: T): T => a.subarray(0, line) as T;
    const lineitem = new arrow.Table({
      l_orderkey: int32Vector(cut(lOrder)),
      l_partkey: int32Vector(cut(lPart)),
      l_suppkey: int32Vector(cut(lSupp)),
      l_linenumber: int32Vector(cut(lNumber)),
      l_quantity: moneyVector(cut(lQty), ctx.money),
      l_extendedprice: moneyVector(cut(lPrice), ctx.money),
      l_discount: moneyVector(cut(lDisc), ctx.money),
      l_tax: moneyVector(cut(lTax), ctx.money),
      l_returnflag: lReturn.vector(),
      l_linestatus: lStatus.vector(),
      l_shipdate: dateVector(cut(lShip)),
      l_commitdate: dateVector(cut(lCommit)),
      l_receiptdate: dateVector(cut(lReceipt)),
      l_shipinstruct: lInstruct.vector(),
      l_shipmode: lMode.vector(),
      l_comment: lComment.vector(),
    });
    yield { orders, lineitem };
  }
}
