import { z } from 'zod';

/** The only kinds of file Oselia accepts, told by their first bytes, never by their name. */
export const storedMediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type StoredMediaType = z.infer<typeof storedMediaType>;

/** A file name as shown back: path parts, control characters and odd symbols removed. */
export const uploadFileName = z.string().trim().min(1).max(200);

export const uploadFileQuery = z.object({ name: uploadFileName });

/** What Oselia knows about an uploaded file; the bytes are fetched separately. */
export const storedFile = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: storedMediaType,
  sizeBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ownerKind: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StoredFile = z.infer<typeof storedFile>;
