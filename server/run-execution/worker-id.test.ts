import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { newWorkerId } from './worker';

describe('worker ids', () => {
  it('are random and do not name the host they run on (users see them on run pages)', () => {
    const ids = new Set(Array.from({ length: 50 }, newWorkerId));
    expect(ids.size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^worker-[0-9a-f]{12}$/);
      expect(id).not.toContain(hostname());
      expect(id).not.toContain(String(process.pid));
    }
  });
});
