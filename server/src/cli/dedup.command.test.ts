import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DedupInputError, readPersons, runDedup } from './dedup.command.ts';

const dir = mkdtempSync(join(tmpdir(), 'oselia-dedup-'));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const HEADER = 'id,family_name,given_name,patronymic,sex,birth_date,phone';

describe('dedup command', () => {
  it('writes one cluster row per input row, merging registrations of the same person', async () => {
    const input = file(
      'persons.csv',
      [
        // columns in another order, an unknown column and the optional ones
        'phone,given_name,id,family_name,patronymic,sex,birth_date,tax_id,note,oblast_pcode',
        '380671234567,Олександр,p1,Коваленко,Сергійович,M,1985-03-02,1234567890,first,UA46',
        '0671234567,Oleksandr,p2,Kovalenko,,M,1985-03-02,,"with, comma",UA46',
        '380501112233,Іван,p3,Шевчук,Петрович,M,2010-06-15,,,UA46',
        '380501112233,Марко,p4,Шевчук,Петрович,M,2010-06-15,,,UA46',
        ',Наталья,p5,"Ковальская",Андреевна,F,1979-11-30,,,',
        '380931234000,Наталія,p6,Ковальська,Андріївна,F,1979-11-30,,,UA80',
      ].join('\n'),
    );
    const output = join(dir, 'clusters.csv');
    const review = join(dir, 'review.csv');
    const { summary } = await runDedup({ input, output, reviewOutput: review, workers: 0, log: () => {} });
    const rows = readFileSync(output, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('id,cluster_id');
    const cluster = Object.fromEntries(rows.slice(1).map((r) => r.split(',') as [string, string]));
    expect(Object.keys(cluster)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(cluster.p2).toBe(cluster.p1);
    expect(cluster.p6).toBe(cluster.p5);
    expect(cluster.p3).not.toBe(cluster.p4);
    expect(summary.records).toBe(6);
    expect(summary.clusters).toBe(4);
    expect(readFileSync(review, 'utf8').startsWith('id_a,id_b,match_weight,reason')).toBe(true);
  });

  const bad: Array<[string, string, RegExp]> = [
    [
      'missing column',
      'id,family_name,given_name,sex,birth_date,phone\n1,A,B,M,,\n',
      /line 1: missing column: patronymic/,
    ],
    [
      'wrong field count',
      `${HEADER}\n1,A,B,C,M,1990-01-01,380671234567\n2,A,B,C,M\n`,
      /line 3: expected 7 fields, found 5/,
    ],
    [
      'unterminated quote',
      `${HEADER}\n1,A,B,C,M,1990-01-01,1\n2,"A,B,C,M,1990-01-01,1\n3,A,B,C,M,,\n`,
      /line 3: unterminated quoted field/,
    ],
    [
      'bad date',
      `${HEADER}\n1,A,B,C,M,1990-01-01,1\n2,A,B,C,M,1990-02-30,1\n`,
      /line 3: bad birth date "1990-02-30"/,
    ],
    ['empty file', '', /empty file/],
  ];

  it.each(bad)('stops on %s with the line number', async (_name, text, message) => {
    const input = file('bad.csv', text);
    await expect(readPersons(input)).rejects.toThrow(DedupInputError);
    await expect(readPersons(input)).rejects.toThrow(message);
  });

  it('names a missing input file', async () => {
    await expect(readPersons(join(dir, 'nope.csv'))).rejects.toThrow(/no such file/);
  });
});
