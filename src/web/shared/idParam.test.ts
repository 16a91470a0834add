import { describe, expect, it } from 'vitest';
import { idParam } from './components';

describe('idParam', () => {
  it('takes a positive whole number from the address, and nothing else', () => {
    expect(idParam('12')).toBe(12);
    for (const raw of [undefined, '', '0', '-3', '1.5', 'abc', '12abc']) expect(idParam(raw)).toBeNull();
  });
});
