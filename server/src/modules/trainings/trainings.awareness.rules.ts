import { type AudienceCounts, audienceCells } from '@oselia/contracts';

export const audienceSum = (a: AudienceCounts) => audienceCells.reduce((s, c) => s + a[c], 0);

/**
 * Audience counts by sex and age band must add up to the total; otherwise one problem per field,
 * so a form can show where: the total, and every cell that was counted.
 */
export function audienceProblems(
  audience: AudienceCounts,
  total: number,
): { field: string; message: string }[] {
  const sum = audienceSum(audience);
  if (sum === total) return [];
  return [
    {
      field: 'total',
      message: `the counts by sex and age band add up to ${sum}, not to the total of ${total}`,
    },
    ...audienceCells.map((c) => ({
      field: `audience.${c}`,
      message: `part of a sum of ${sum} that must equal the total of ${total}`,
    })),
  ];
}
