import { describe, expect, it } from 'vitest';
import { HopLabels } from '../../../src/model/world/hop-labels.js';

describe('HopLabels', () => {
  it('numbers labels from 0 as they are made and finds each by its number', () => {
    const labels = new HopLabels();
    const a = labels.add((id) => ({ id, host: 'mx.a.example', address: '192.0.2.1', extra: 'kept' }));
    const b = labels.add((id) => ({ id, host: 'mx.b.example', address: '' }));
    expect([a.id, b.id]).toEqual([0, 1]);
    expect(labels.get(1)).toBe(b);
    expect(labels.get(0)).toMatchObject({ host: 'mx.a.example', extra: 'kept' });
    expect(() => labels.get(2)).toThrow(RangeError);
  });
});
