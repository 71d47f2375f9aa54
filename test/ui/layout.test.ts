import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLayout, minColumns, minRows } from '../../src/ui/layout.js';

const shapes = fc.record({ links: fc.integer({ min: 1, max: 12 }), queues: fc.integer({ min: 1, max: 8 }), limiters: fc.integer({ min: 0, max: 300 }), detailOpen: fc.boolean() });

describe('layout', () => {
  it('fills exactly the terminal rows minus one, at every size and shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: minColumns, max: 400 }), fc.integer({ min: minRows, max: 200 }), shapes, (columns, rows, shape) => {
        const layout = computeLayout(columns, rows, shape);
        expect(layout.tooSmall).toBe(false);
        const sum = layout.header + layout.links.height + layout.middle.height + layout.messages.height + layout.detail.height + layout.log.height + layout.status + layout.footer;
        expect(sum).toBe(rows - 1);
        expect(layout.messages.rows).toBeGreaterThanOrEqual(3);
        for (const pane of [layout.links, layout.middle, layout.messages]) expect(pane.rows).toBeGreaterThan(0);
        expect(layout.middle.queuesWidth + 1 + layout.middle.limitersWidth).toBe(columns);
        if (shape.detailOpen) expect(layout.detail.rows).toBeGreaterThanOrEqual(3);
      }),
    );
  });

  it('says too small below the minimum', () => {
    expect(computeLayout(79, 40, { links: 2, queues: 2, limiters: 1, detailOpen: false }).tooSmall).toBe(true);
    expect(computeLayout(120, 23, { links: 2, queues: 2, limiters: 1, detailOpen: false }).tooSmall).toBe(true);
    expect(computeLayout(80, 24, { links: 2, queues: 2, limiters: 1, detailOpen: false }).tooSmall).toBe(false);
  });

  it('gives the queue charts more height on a tall terminal', () => {
    expect(computeLayout(120, 40, { links: 2, queues: 2, limiters: 1, detailOpen: false }).middle.chartHeight).toBe(3);
    expect(computeLayout(80, 24, { links: 2, queues: 2, limiters: 1, detailOpen: false }).middle.chartHeight).toBe(1);
  });
});
