import { describe, expect, it } from 'vitest';
import { formChoiceSchema } from './forms.contract.ts';
import { createPersonBody } from './people.contract.ts';
import { importSourceName } from './people-import.contract.ts';
import { storySlug, storyTag } from './portal.contract.ts';

/**
 * Text fields with a character pattern are refused on their length first: the engine's regular
 * expressions run out of stack on a few million letters, which would throw instead of failing.
 */
describe('millions of characters in a patterned field', () => {
  const letters = 'я'.repeat(5_000_000);
  it.each([
    ['a choice value', formChoiceSchema.shape.value, letters],
    ['an import source', importSourceName, letters],
    ['a story slug', storySlug, 'a-'.repeat(3_000_000)],
    ['a story tag', storyTag, letters],
  ])('%s is refused as too long', (_label, schema, text) => {
    const result = schema.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.code)).toEqual(['too_big']);
  });

  it('a family name is refused as too long, with the message the form shows', () => {
    const result = createPersonBody.safeParse({ familyName: letters, givenName: 'Олена' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['familyName', 'at most 100 characters'],
    ]);
  });
});
