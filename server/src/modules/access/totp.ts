import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { sha256 } from '../../shared/crypto.ts';

export function createTotpSecret(account: string) {
  const secret = generateSecret();
  return { secret, otpauthUrl: generateURI({ issuer: 'Oselia', label: account, secret }) };
}

/** Accepts the current 30-second code and one step either side, for clock drift. */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  try {
    const r = await verify({ secret, token: code, epochTolerance: 30 });
    return r.valid;
  } catch {
    return false;
  }
}

/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export function createRecoveryCodes() {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(8).toString('hex');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export const hashRecoveryCode = (code: string) =>
  sha256(
    code
      .trim()
      .toLowerCase()
      .replace(/[^0-9a-f]/g, ''),
  );
