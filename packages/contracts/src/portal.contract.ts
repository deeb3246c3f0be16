import { z } from 'zod';

/**
 * The public portal: pages edited by communications officers (Markdown, drafts, preview), stories
 * (draft → review → published or scheduled; consent of anyone featured), and the programme areas the
 * public figures are grouped by.
 */

/** Programme areas of the public site; each serves SDG targets and has live figures. */
export const portalProgramme = z.enum([
  'protection',
  'livelihoods',
  'youth',
  'counter_trafficking',
  'community',
]);
export type PortalProgramme = z.infer<typeof portalProgramme>;

/** The pages a communications officer writes; the live figures around the text come from data. */
export const portalPageKey = z.enum([
  'home',
  'about',
  'our_work',
  'where_we_work',
  'data',
  'take_action',
  'agenda_2030',
]);
export type PortalPageKey = z.infer<typeof portalPageKey>;

const lines = (max: number) => z.string().trim().max(max);
/** Texts in both languages; Ukrainian is needed from the first draft, English before publishing. */
const twoLanguages = (max: number) => z.object({ uk: lines(max).min(1), en: lines(max) });

export const portalPageContent = z.object({
  title: twoLanguages(200),
  /** One or two sentences for search results and link previews. */
  description: twoLanguages(300),
  /** Markdown. */
  body: twoLanguages(40_000),
});
export type PortalPageContent = z.infer<typeof portalPageContent>;

export const portalPage = z.object({
  key: portalPageKey,
  draft: portalPageContent,
  published: portalPageContent.nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The draft differs from what the public sees. */
  changed: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type PortalPage = z.infer<typeof portalPage>;
export const portalPagesList = z.object({ items: z.array(portalPage) });

export const savePortalPageBody = z.object({ version: z.number().int(), draft: portalPageContent });
export type SavePortalPageBody = z.infer<typeof savePortalPageBody>;
export const versionBody = z.object({ version: z.number().int() });

export const previewQuery = z.object({ lang: z.enum(['uk', 'en']).default('uk') });

// ---- stories ----

export const storyStatus = z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']);
export type StoryStatus = z.infer<typeof storyStatus>;

/** Lowercase Latin words joined by hyphens: the story's address (`/uk/stories/<slug>`). */
export const storySlug = z
  .string()
  .trim()
  .min(3)
  // abort: the regular expression below runs out of stack on millions of characters.
  .max(80, { abort: true })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase Latin letters, digits and single hyphens, e.g. cafe-in-lviv');

export const storyTag = z
  .string()
  .trim()
  .min(2)
  // abort: the regular expression below runs out of stack on millions of letters.
  .max(40, { abort: true })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}’' -]*$/u, 'letters, digits, apostrophes, spaces and hyphens');

export const storyPhoto = z.object({
  id: z.uuid(),
  alt: z.object({ uk: z.string(), en: z.string() }),
  width: z.number().int(),
  height: z.number().int(),
  /** Public address of the large version (served only while the story is public, or to staff). */
  url: z.string(),
  thumbUrl: z.string(),
});
export type StoryPhoto = z.infer<typeof storyPhoto>;

export const story = z.object({
  id: z.uuid(),
  slug: storySlug,
  status: storyStatus,
  title: twoLanguages(200),
  summary: twoLanguages(400),
  body: twoLanguages(40_000),
  placePcode: z.string().nullable(),
  programme: portalProgramme,
  tags: z.array(z.string()),
  /** Registered people the story is about: it may be public only while each one's consent holds. */
  featuredPersonIds: z.array(z.uuid()),
  photos: z.array(storyPhoto),
  publishAt: z.iso.datetime({ offset: true }).nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Why it was taken down (`consent_withdrawn`, or an officer's reason). */
  unpublishedReason: z.string().nullable(),
  reviewNote: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type Story = z.infer<typeof story>;

export const storiesQuery = z.object({
  status: storyStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const storiesPage = z.object({ items: z.array(story), next: z.string().nullable() });

export const createStoryBody = z.object({
  slug: storySlug,
  title: twoLanguages(200),
  summary: twoLanguages(400),
  body: twoLanguages(40_000),
  placePcode: z
    .string()
    .regex(/^UA\d{2}(\d{2}(\d{3}(\d{3})?)?)?$/, 'must be an OCHA P-code such as UA05 or UA0502003')
    .nullable()
    .default(null),
  programme: portalProgramme,
  tags: z.array(storyTag).max(10).default([]),
  featuredPersonIds: z.array(z.uuid()).max(10).default([]),
});
export type CreateStoryBody = z.infer<typeof createStoryBody>;

export const updateStoryBody = createStoryBody.partial().extend({ version: z.number().int() });
export type UpdateStoryBody = z.infer<typeof updateStoryBody>;

/** Publish now, or at `publishAt` (then it waits as `scheduled`). */
export const publishStoryBody = z.object({
  version: z.number().int(),
  publishAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export const returnStoryBody = z.object({
  version: z.number().int(),
  note: z.string().trim().min(1).max(1000),
});
export const unpublishStoryBody = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(1).max(500),
});

export const storyPhotoQuery = z.object({
  altUk: z.string().trim().min(3).max(300),
  altEn: z.string().trim().min(3).max(300),
});

/** Whether a person's consent to story publication holds now (nothing else about them). */
export const storyConsentCheck = z.object({ personId: z.uuid(), consentHolds: z.boolean() });
