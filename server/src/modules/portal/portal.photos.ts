import sharp from 'sharp';
import { AppError } from '../../shared/app-error.ts';

export interface ProcessedImage {
  bytes: Buffer;
  width: number;
  height: number;
}

/** Largest upload accepted (a phone camera's full-size photo fits). */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;

/** Longest side of the large version; the thumbnail is a 3:2 crop for story cards. */
export const LARGE_SIDE = 1280;
export const THUMB = { width: 480, height: 320 } as const;

/**
 * A story photo made fit to publish: turned upright as the camera recorded it, resized, and
 * re-encoded as JPEG with no metadata at all (no EXIF, GPS position, camera serial or comments).
 * The uploaded original is never kept.
 */
export async function processStoryPhoto(
  input: Uint8Array,
): Promise<{ large: ProcessedImage; thumb: ProcessedImage }> {
  if (input.length > PHOTO_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'the photo is larger than 15 MB', { maxBytes: PHOTO_MAX_BYTES });
  }
  // What the bytes are, told by their content (never the name or the declared type).
  const format = await sharp(input)
    .metadata()
    .then((m) => m.format)
    .catch(() => null);
  if (format !== 'jpeg' && format !== 'png') {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'a photo must be a JPEG or PNG image (its content was checked)',
    );
  }
  try {
    // `rotate()` with no angle applies the EXIF orientation; sharp writes no metadata unless asked.
    const source = sharp(input, { failOn: 'error', limitInputPixels: 50_000_000 }).rotate();
    const [large, thumb] = await Promise.all([
      source
        .clone()
        .resize({ width: LARGE_SIDE, height: LARGE_SIDE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 78, mozjpeg: true })
        .toBuffer({ resolveWithObject: true }),
      source
        .clone()
        .resize({ width: THUMB.width, height: THUMB.height, fit: 'cover', position: 'attention' })
        .jpeg({ quality: 72, mozjpeg: true })
        .toBuffer({ resolveWithObject: true }),
    ]);
    return {
      large: { bytes: large.data, width: large.info.width, height: large.info.height },
      thumb: { bytes: thumb.data, width: thumb.info.width, height: thumb.info.height },
    };
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'the photo could not be read: send a JPEG or PNG image');
  }
}
