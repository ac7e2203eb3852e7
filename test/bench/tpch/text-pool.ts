/**
 * dbgen-style comment text: a pool of pseudo-English sentences built from TPC-H's word
 * classes (nouns, verbs, adjectives, adverbs, prepositions, auxiliaries, terminators), and
 * comments as random substrings of it, as dbgen does.
 */
import type { Prng } from './prng.js';
import type { Utf8Builder } from './columns.js';

const NOUNS = (
  'foxes ideas theodolites pinto_beans instructions dependencies excuses platelets asymptotes courts dolphins multipliers ' +
  'sauternes warthogs frets dinos attainments somas Tiresias patterns forges braids hockey_players frays warhorses dugouts ' +
  'notornis epitaphs pearls tithes waters orbits gifts sheaves depths sentiments decoys realms pains grouches escapades ' +
  'accounts packages requests deposits theodolites courts foxes ideas packages requests accounts deposits'
).split(' ').map((w) => w.replace('_', ' '));
const VERBS = (
  'sleep wake are cajole haggle nag use boost affix detect integrate maintain nod was lose sublate solve thrash promise ' +
  'engage hinder print x-ray breach eat grow impress mold poach serve run dazzle snooze doze unwind kindle play hang believe doubt'
).split(' ');
const ADJECTIVES = (
  'furious sly careful blithe quick fluffy slow quiet ruthless thin close dogged daring brave stealthy permanent enticing ' +
  'idle busy regular final ironic even bold silent special pending unusual express'
).split(' ');
const ADVERBS = (
  'sometimes always never furiously slyly carefully blithely quickly fluffily slowly quietly ruthlessly thinly closely ' +
  'doggedly daringly bravely stealthily permanently enticingly idly busily regularly finally ironically evenly boldly silently'
).split(' ');
const PREPOSITIONS = (
  'about above according_to across after against along alongside_of among around at atop before behind beneath beside ' +
  'besides between beyond by despite during except for from in_place_of inside instead_of into near of on outside over ' +
  'past since through throughout to toward under until up upon without with within'
).split(' ').map((w) => w.replace(/_/g, ' '));
const AUXILIARIES = 'do may might shall will would can could should ought_to must will_have_to shall_have_to could_have_to should_have_to must_have_to need_to try_to'
  .split(' ')
  .map((w) => w.replace(/_/g, ' '));
const TERMINATORS = ['.', ';', ':', '?', '!', '--'];

function nounPhrase(r: Prng): string {
  switch (r.int(0, 3)) {
    case 0:
      return r.pick(NOUNS);
    case 1:
      return `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
    case 2:
      return `${r.pick(ADJECTIVES)}, ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
    default:
      return `${r.pick(ADVERBS)} ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
  }
}

function verbPhrase(r: Prng): string {
  switch (r.int(0, 3)) {
    case 0:
      return r.pick(VERBS);
    case 1:
      return `${r.pick(AUXILIARIES)} ${r.pick(VERBS)}`;
    case 2:
      return `${r.pick(VERBS)} ${r.pick(ADVERBS)}`;
    default:
      return `${r.pick(AUXILIARIES)} ${r.pick(VERBS)} ${r.pick(ADVERBS)}`;
  }
}

const prepPhrase = (r: Prng): string => `${r.pick(PREPOSITIONS)} the ${nounPhrase(r)}`;

function sentence(r: Prng): string {
  const t = r.pick(TERMINATORS);
  switch (r.int(0, 4)) {
    case 0:
      return `${nounPhrase(r)} ${verbPhrase(r)}${t}`;
    case 1:
      return `${nounPhrase(r)} ${verbPhrase(r)} ${prepPhrase(r)}${t}`;
    case 2:
      return `${nounPhrase(r)} ${verbPhrase(r)} ${nounPhrase(r)}${t}`;
    case 3:
      return `${nounPhrase(r)} ${prepPhrase(r)} ${verbPhrase(r)} ${nounPhrase(r)}${t}`;
    default:
      return `${nounPhrase(r)} ${prepPhrase(r)} ${verbPhrase(r)} ${prepPhrase(r)}${t}`;
  }
}

/** The shared pool comments are cut from (ASCII bytes). */
export class TextPool {
  readonly bytes: Uint8Array;

  constructor(r: Prng, size = 4 * 1024 * 1024) {
    const parts: string[] = [];
    let length = 0;
    while (length < size) {
      const s = sentence(r);
      parts.push(s);
      length += s.length + 1;
    }
    this.bytes = new TextEncoder().encode(parts.join(' '));
  }

  /** A comment of `min`..`max` characters: a random substring of the pool. */
  comment(r: Prng, out: Utf8Builder, min: number, max: number): void {
    const length = r.int(min, max);
    const start = r.int(0, this.bytes.length - length - 1);
    out.raw(this.bytes, start, start + length).end();
  }

  /** A comment with `first …words… second` planted at a random place (dbgen's supplier complaints). */
  plant(r: Prng, out: Utf8Builder, min: number, max: number, first: string, second: string): void {
    const length = r.int(Math.max(min, first.length + second.length + 10), max);
    const start = r.int(0, this.bytes.length - length - 1);
    const fill = length - first.length - second.length;
    const gap = r.int(0, fill);
    const middle = Math.min(r.int(1, 8), fill - gap);
    out.raw(this.bytes, start, start + gap).text(first).raw(this.bytes, start + gap, start + gap + middle).text(second);
    out.raw(this.bytes, start + gap + middle, start + fill).end();
  }
}

/** A random string of letters, digits, spaces and commas (dbgen's "v-string" addresses). */
export function vString(r: Prng, out: Utf8Builder, min: number, max: number): void {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,';
  const length = r.int(min, max);
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[r.int(0, alphabet.length - 1)];
  out.push(s);
}
