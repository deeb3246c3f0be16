import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomFillSync,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/** Secrets at rest: AES-256-GCM with a random nonce, stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url). */
export interface Crypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Keyed hash (HMAC-SHA-256) for exact lookup of a secret value without storing it. */
  keyedHash(value: string, purpose: string): string;
}

// Nonces drawn a few kilobytes at a time: one call to the random source per nonce costs more
// than the encryption itself when an import encrypts tens of thousands of identifiers.
const noncePool = Buffer.alloc(12 * 341);
let noncePoolAt = noncePool.length;
function freshNonce(): Buffer {
  if (noncePoolAt + 12 > noncePool.length) {
    randomFillSync(noncePool);
    noncePoolAt = 0;
  }
  noncePoolAt += 12;
  return Buffer.from(noncePool.subarray(noncePoolAt - 12, noncePoolAt));
}

export function createCrypto(keyHex: string): Crypto {
  const key = Buffer.from(keyHex, 'hex');
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  // Separate sub-keys, so a keyed hash never equals anything the cipher produces.
  const encKey = createHmac('sha256', key).update('oselia:encrypt').digest();
  const macKey = createHmac('sha256', key).update('oselia:hash').digest();
  return {
    encrypt(plain) {
      const nonce = freshNonce();
      const cipher = createCipheriv('aes-256-gcm', encKey, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', nonce, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    decrypt(sealed) {
      const [version, nonce, tag, body] = sealed.split('.');
      if (version !== 'v1' || !nonce || !tag || body === undefined)
        throw new Error('not an Oselia ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    keyedHash(value, purpose) {
      return createHmac('sha256', macKey).update(`${purpose}\u0000${value}`).digest('base64url');
    },
  };
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The installation's key: OSELIA_SECRET_KEY, else (outside production) a key generated once into
 * DATA_DIR/secret.key, so a demo keeps working across restarts.
 */
export function resolveSecretKey(config: Config): string {
  if (config.secretKeyHex) return config.secretKeyHex;
  if (config.env === 'production') throw new Error('OSELIA_SECRET_KEY must be set in production');
  const file = path.join(config.dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const key = randomBytes(32).toString('hex');
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  }
}
