import { z } from 'zod';

/**
 * Field schemas the grants contracts share. Kept out of the package index so that the
 * package's exported names stay the contracts' own.
 */

export const isoDateTime = z.iso.datetime({ offset: true });
export const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'a lower-case letter, then lower-case letters, digits or _');
