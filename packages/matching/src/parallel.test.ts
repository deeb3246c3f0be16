import { describe, expect, it } from 'vitest';
import { generateCandidatePairs } from './blocking.ts';
import { type PersonRecord, prepareDataset } from './dataset.ts';
import { computePatternsInline } from './dedup.ts';
import { ComparisonPool } from './parallel.ts';

const given = ['Олександр', 'Сергій', 'Андрій', 'Олена', 'Наталія', 'Ірина'];
const family = ['Коваленко', 'Шевчук', 'Мельник', 'Бондар', 'Ткаченко'];

function records(n: number): PersonRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    familyName: family[i % family.length]!,
    givenName: given[(i * 7) % given.length]!,
    patronymic: i % 3 === 0 ? '' : 'Іванович',
    sex: i % 2 ? 'M' : 'F',
    birthDate: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    phone: i % 4 === 0 ? '' : `38067${String(i % 500).padStart(7, '0')}`,
  }));
}

describe('ComparisonPool', () => {
  it('gives the same candidate pairs and patterns as the single-threaded path', async () => {
    const d = prepareDataset(records(3000), true);
    const pool = ComparisonPool.start(2, { minParallel: 1 });
    try {
      const inline = generateCandidatePairs(d);
      const parallel = await pool.generatePairs(d);
      expect(Array.from(parallel.left)).toEqual(Array.from(inline.left));
      expect(Array.from(parallel.right)).toEqual(Array.from(inline.right));
      const a = await computePatternsInline(d, inline.left, inline.right);
      const b = await pool.computePatterns(d, inline.left, inline.right);
      expect(Array.from(b)).toEqual(Array.from(a));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
