import { createHash, randomBytes } from 'node:crypto';

/** Personal API token secrets: `grn_` + 32 random bytes (base64url). Only their SHA-256 is stored. */
export const tokenPattern = /^grn_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `grn_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, 12), hash: hashTokenSecret(secret) };
}

export const hashTokenSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
