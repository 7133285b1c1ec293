import fc from 'fast-check';

const uniform = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));

/**
 * Random choices drawn through fast-check's `gen`, so that a run is reproducible from its seed
 * (and shrinks, when asked to). Small integers shrink towards `min`: list the simplest choice first.
 */
export class Rand {
  constructor(private readonly g: fc.GeneratorValue) {}

  /** Uniform (fast-check's own integers lean towards small and extreme values, which would skew every weight). */
  int(min: number, max: number): number {
    return this.g(uniform, min, max);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.int(0, 9999) < p * 10_000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** One of the choices, by weight; the first shrinks best. */
  weighted<T>(choices: readonly (readonly [number, () => T])[]): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let n = this.int(0, Math.round(total * 100) - 1) / 100;
    for (const [w, make] of choices) {
      if (n < w) return make();
      n -= w;
    }
    return choices[choices.length - 1][1]();
  }

  uuid(): string {
    return this.g(fc.uuid);
  }

  string(constraints: fc.StringConstraints): string {
    return this.g(fc.string, constraints);
  }

  /** A few words of plain text. */
  words(max = 6): string {
    return this.g(fc.lorem, { maxCount: max, mode: 'words' });
  }
}
