import type { StoryStatus } from '@oselia/contracts';

type Bilingual = { uk: string; en: string };

/** What the public sees of a story's status: a scheduled story whose time has come is published. */
export function effectiveStatus(status: StoryStatus, publishAt: Date | null, now: Date): StoryStatus {
  return status === 'scheduled' && publishAt !== null && publishAt <= now ? 'published' : status;
}

export type StoryAction = 'edit' | 'submit' | 'return' | 'publish' | 'unpublish';

/** Which statuses each action starts from (by effective status). */
const FROM: Record<StoryAction, readonly StoryStatus[]> = {
  // Editing a story under review, scheduled or taken down sends it back to draft; a published story
  // must be taken down first (what the public reads is what was reviewed).
  edit: ['draft', 'review', 'scheduled', 'unpublished'],
  submit: ['draft', 'unpublished'],
  return: ['review', 'scheduled'],
  publish: ['review'],
  unpublish: ['published', 'scheduled'],
};

export function mayTake(action: StoryAction, status: StoryStatus): boolean {
  return FROM[action].includes(status);
}

/** Problems that keep a story from going to review or to the public: both languages, every field. */
export function missingForPublication(s: {
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  photoAlts: Bilingual[];
}): string[] {
  const missing: string[] = [];
  for (const field of ['title', 'summary', 'body'] as const) {
    for (const lang of ['uk', 'en'] as const)
      if (s[field][lang].trim() === '') missing.push(`${field}.${lang}`);
  }
  s.photoAlts.forEach((alt, i) => {
    for (const lang of ['uk', 'en'] as const)
      if (alt[lang].trim() === '') missing.push(`photos.${i}.alt.${lang}`);
  });
  return missing;
}
