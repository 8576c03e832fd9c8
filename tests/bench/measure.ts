// Shared helpers for `npm run bench`: medians and one printed line per figure, with its target.
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function report(name: string, value: number, unit: string, target?: number): void {
  const shown = value >= 100 ? value.toFixed(0) : value.toFixed(2);
  const verdict =
    target === undefined
      ? ''
      : value <= target
        ? `  (target < ${target} ${unit}: met)`
        : `  (target < ${target} ${unit}: MISSED)`;
  console.log(`${name}: ${shown} ${unit}${verdict}`);
}
