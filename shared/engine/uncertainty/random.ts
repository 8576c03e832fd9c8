/**
 * The seeded random number generator of the Monte Carlo (METHOD.md section 3: "the same seed gives the same
 * results on every machine").
 *
 * - `SplitMix32` turns a 32-bit seed into well-mixed words (the murmur3 finaliser over a Weyl sequence).
 * - `Rng` is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state with a counter, so no
 *   short cycles), seeded with four SplitMix32 words and warmed up by 15 discarded outputs.
 *
 * Both use only 32-bit integer operations (`+ | 0`, `^`, shifts, `Math.imul`), which ECMAScript defines exactly,
 * so the integer stream is bit-identical on every engine and machine. `uniform()` builds a double from 52 of
 * those bits with exact arithmetic (integers below 2^53, a division by a power of two), so it is identical too.
 *
 * The normal deviate (Marsaglia's polar method) needs `Math.log` and `Math.sqrt`. `Math.sqrt` is correctly
 * rounded by IEEE 754; `Math.log` and `Math.exp` are "implementation-approximated" by ECMAScript, and V8 (Node,
 * Electron, Chromium: every place this engine runs) computes them with its own port of fdlibm, the same code
 * on every platform. The polar method is used rather than Box-Muller because it needs no `Math.cos`/`Math.sin`
 * (V8 has a flag that swaps their implementation). No `Math.pow` anywhere in the simulation.
 */

const TWO_POW_26 = 67108864;
const TWO_POW_52 = 4503599627370496;

/** Seeds must be whole numbers from 0 to 2^32 - 1 (they are stored with the run). */
export const MAX_SEED = 0xffffffff;

export function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`the seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  }
}

/** SplitMix32: a Weyl sequence (step 0x9e3779b9, the golden ratio) through the murmur3 32-bit finaliser. */
export class SplitMix32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** The next word, as an unsigned 32-bit integer. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }
}

/** 32-bit FNV-1a over the UTF-16 code units of a text: names a parameter's own random stream. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seed of a named stream inside a run: the run's seed mixed with the hash of the stream's name. */
export function streamSeed(seed: number, streamHash: number): number {
  const mix = new SplitMix32(streamHash ^ 0x5bd1e995);
  return (seed ^ mix.next()) >>> 0;
}

export class Rng {
  /** sfc32's state a, b, c, d: an Int32Array keeps the words unboxed in every engine tier. */
  private readonly s = new Int32Array(4);
  private spare = 0.5;
  private hasSpare = false;

  constructor(seed: number) {
    assertSeed(seed);
    const mix = new SplitMix32(seed);
    for (let i = 0; i < 4; i++) this.s[i] = mix.next();
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** The next 32 random bits, as an unsigned integer 0 .. 2^32 - 1 (one sfc32 step). */
  nextUint32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /**
   * A uniform double strictly inside (0, 1): 52 random bits k give (k + 0.5) / 2^52, so neither 0 nor 1 can
   * occur (log(u) and log(1 - u) are always finite). Exact arithmetic: the same double on every machine.
   */
  uniform(): number {
    const hi = this.nextUint32() >>> 6;
    const lo = this.nextUint32() >>> 6;
    return (hi * TWO_POW_26 + lo + 0.5) / TWO_POW_52;
  }

  /** A standard normal deviate (Marsaglia's polar method; the second deviate of each pair is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }
}
