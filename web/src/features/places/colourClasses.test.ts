import { describe, expect, it } from 'vitest';
import { colourClasses } from './colourClasses.ts';

describe('colourClasses', () => {
  it('covers every value exactly once, in order', () => {
    const values = [
      1, 1, 37, 49, 49, 51, 52, 52, 54, 55, 56, 57, 60, 60, 62, 63, 64, 64, 66, 66, 66, 67, 70, 73, 86, 91,
      297,
    ];
    const classes = colourClasses(values);
    expect(classes.length).toBeLessThanOrEqual(5);
    for (const v of values) expect(classes.filter((c) => v >= c.min && v <= c.max)).toHaveLength(1);
    for (let i = 1; i < classes.length; i++) expect(classes[i]!.min).toBeGreaterThan(classes[i - 1]!.max);
  });

  it('handles few distinct values and no values', () => {
    expect(colourClasses([])).toEqual([]);
    const one = colourClasses([3, 3, 3]);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ min: 3, max: 3 });
  });
});
