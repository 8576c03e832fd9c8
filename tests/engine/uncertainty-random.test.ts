/**
 * The seeded generator of the Monte Carlo (METHOD.md section 3: "the same seed gives the same results on every
 * machine"). The first values of fixed seeds are hard-coded, so any change to the generator, its seeding or the
 * uniform transform is caught; sfc32 and SplitMix32 are also checked against a BigInt transcription (arbitrary
 * precision, masked to 32 bits), which shares none of the 32-bit tricks of the implementation.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SEED, Rng, SplitMix32 } from '../../shared/engine/uncertainty';

const MASK = (1n << 32n) - 1n;
const u32 = (x: bigint) => x & MASK;
const rotl = (x: bigint, k: bigint) => u32((x << k) | (x >> (32n - k)));

function splitMixReference(seed: number, count: number): number[] {
  let state = BigInt(seed >>> 0);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    state = u32(state + 0x9e3779b9n);
    let z = state;
    z = u32((z ^ (z >> 16n)) * 0x85ebca6bn);
    z = u32((z ^ (z >> 13n)) * 0xc2b2ae35n);
    out.push(Number(z ^ (z >> 16n)));
  }
  return out;
}

function sfc32Reference(seed: number, count: number): number[] {
  let [a, b, c, d] = splitMixReference(seed, 4).map(BigInt);
  const step = () => {
    const t = u32(a + b + d);
    d = u32(d + 1n);
    a = b ^ (b >> 9n);
    b = u32(c + (c << 3n));
    c = u32(rotl(c, 21n) + t);
    return Number(t);
  };
  for (let i = 0; i < 15; i++) step();
  return Array.from({ length: count }, step);
}

describe('generator: reproducibility', () => {
  it('seed 42 gives these first five 32-bit words (a change to the generator fails here)', () => {
    const rng = new Rng(42);
    expect(Array.from({ length: 5 }, () => rng.nextUint32())).toEqual([
      853279530, 1920286840, 3588795744, 3644712829, 3990689672,
    ]);
  });

  it('seed 42 gives these first five uniforms and normals', () => {
    const u = new Rng(42);
    expect(Array.from({ length: 5 }, () => u.uniform())).toEqual([
      0.19866961907001757, 0.835581628212345, 0.9291548500180927, 0.9910111757945316, 0.7198927901965794,
    ]);
    const n = new Rng(42);
    expect(Array.from({ length: 5 }, () => n.normal())).toEqual([
      -0.4290658528586616, 0.47783637702991877, 0.5772777794855325, 0.5921720903295256, -1.3947107974819033,
    ]);
  });

  it('the smallest and largest seeds work and differ', () => {
    const lo = new Rng(0);
    const hi = new Rng(MAX_SEED);
    expect(Array.from({ length: 3 }, () => lo.nextUint32())).toEqual([3047368389, 387095348, 2506032770]);
    expect(Array.from({ length: 3 }, () => hi.nextUint32())).toEqual([2190738929, 3748440605, 3843617456]);
  });

  it('the same seed gives the same 10,000 values; neighbouring seeds give different ones', () => {
    const run = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 10_000 }, () => rng.nextUint32());
    };
    expect(run(7)).toEqual(run(7));
    const a = run(7);
    const b = run(8);
    expect(a.filter((x, i) => x === b[i]).length).toBeLessThan(3);
  });

  it('rejects seeds that are not whole numbers from 0 to 2^32 - 1', () => {
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN, Infinity]) expect(() => new Rng(bad)).toThrow(RangeError);
  });
});

describe('generator: independent transcriptions', () => {
  it('SplitMix32 matches a BigInt transcription', () => {
    for (const seed of [0, 1, 42, 123456789, MAX_SEED]) {
      const mix = new SplitMix32(seed);
      expect(Array.from({ length: 50 }, () => mix.next())).toEqual(splitMixReference(seed, 50));
    }
  });

  it('sfc32 (seeded by SplitMix32, 15 outputs discarded) matches a BigInt transcription', () => {
    for (const seed of [0, 1, 42, 2024, MAX_SEED]) {
      const rng = new Rng(seed);
      expect(Array.from({ length: 1000 }, () => rng.nextUint32())).toEqual(sfc32Reference(seed, 1000));
    }
  });

  it('uniform() is (k + 0.5) / 2^52 from the top 26 bits of two words: exact, strictly inside (0, 1)', () => {
    const words = new Rng(99);
    const uniforms = new Rng(99);
    for (let i = 0; i < 1000; i++) {
      const hi = BigInt(words.nextUint32() >>> 6);
      const lo = BigInt(words.nextUint32() >>> 6);
      const k = (hi << 26n) | lo;
      const u = uniforms.uniform();
      // u x 2^53 is the odd integer 2k + 1, exactly.
      expect(BigInt(u * 2 ** 53)).toBe(2n * k + 1n);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }
  });
});

describe('generator: statistical sanity', () => {
  it('100,000 uniforms: mean 1/2, variance 1/12, and a flat histogram (chi-square, 100 bins)', () => {
    const rng = new Rng(2024);
    const n = 100_000;
    const bins = new Array<number>(100).fill(0);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      sum += u;
      sumSq += u * u;
      bins[Math.floor(u * 100)]++;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // Standard errors: sqrt(1/12 / n) = 0.00091 for the mean; the variance's is about 0.00024.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * 0.00091);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * 0.00024);
    const expected = n / 100;
    const chi2 = bins.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // 99 degrees of freedom: the 99.9th percentile is 148.2.
    expect(chi2).toBeLessThan(148.2);
  });

  it('100,000 normals: mean 0, variance 1, and the right share beyond 1.96', () => {
    const rng = new Rng(31337);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 1.959963984540054) beyond++;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - mean * mean - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    // 5 % beyond +-1.96; standard error sqrt(0.05 x 0.95 / n) = 0.00069.
    expect(Math.abs(beyond / n - 0.05)).toBeLessThan(5 * 0.00069);
  });
});
