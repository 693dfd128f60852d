import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackUrl('/projects/abc?tab=1')).toBe('/projects/abc?tab=1');
  });
  it('keeps only the path of an absolute URL', () => {
    expect(safeCallbackUrl('http://localhost:3000/account')).toBe('/account');
    expect(safeCallbackUrl('https://evil.example/account')).toBe('/account');
  });
  it('refuses protocol-relative and empty values', () => {
    expect(safeCallbackUrl('//evil.example/x')).toBe('/x');
    expect(safeCallbackUrl('')).toBe('/');
    expect(safeCallbackUrl(undefined, '/home')).toBe('/home');
  });
  it('does not loop back to the sign-in pages', () => {
    expect(safeCallbackUrl('/signin?callbackUrl=%2F')).toBe('/');
    expect(safeCallbackUrl('/signup')).toBe('/');
  });
  it('takes the first of repeated parameters', () => {
    expect(safeCallbackUrl(['/a', '/b'])).toBe('/a');
  });
});
