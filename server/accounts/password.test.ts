import { describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { generateTokenSecret, hashTokenSecret, tokenPattern } from './tokens';

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('honours the parameters stored with the hash and rejects malformed hashes', async () => {
    const stored = await hashPassword('pw');
    const [, , , , salt] = stored.split('$');
    expect(await verifyPassword('pw', stored.replace('scrypt$131072$', 'scrypt$1024$'))).toBe(false);
    expect(await verifyPassword('pw', `scrypt$131072$8$1$${salt}`)).toBe(false);
    expect(await verifyPassword('pw', 'bcrypt$2b$10$whatever')).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$abc$8$1$x$y')).toBe(false);
  });
});

describe('older hashes', () => {
  it('still verify with the parameters they record, and are marked for re-hashing', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('pw', salt, 64, { N: 16384, r: 8, p: 1 });
    const old = ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('pw', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('pw'))).toBe(false);
  });
});

describe('API token secrets', () => {
  it('are grn_ + 32 random bytes, with a display prefix and a SHA-256 hash', () => {
    const one = generateTokenSecret();
    const two = generateTokenSecret();
    expect(one.secret).toMatch(tokenPattern);
    expect(one.secret).not.toBe(two.secret);
    expect(one.secret.startsWith(one.prefix)).toBe(true);
    expect(one.prefix).toHaveLength(12);
    expect(one.hash).toBe(hashTokenSecret(one.secret));
    expect(one.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
