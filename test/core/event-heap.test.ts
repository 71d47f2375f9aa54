import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../src/core/event-heap.js';

describe('EventHeap', () => {
  it('pops in time order, ties in push order', () => {
    const heap = new EventHeap<string>();
    heap.push(30, 'c');
    heap.push(10, 'a1');
    heap.push(20, 'b');
    heap.push(10, 'a2');
    const out: string[] = [];
    for (let e = heap.pop(); e; e = heap.pop()) out.push(e.item);
    expect(out).toEqual(['a1', 'a2', 'b', 'c']);
  });

  it('peeks without removing', () => {
    const heap = new EventHeap<number>();
    expect(heap.peekTime()).toBeUndefined();
    heap.push(5, 1);
    expect(heap.peekTime()).toBe(5);
    expect(heap.size).toBe(1);
  });

  it('property: any pushes come out sorted by (time, seq)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const heap = new EventHeap<number>();
        times.forEach((time, index) => heap.push(time, index));
        const out: { timeMs: number; seq: number }[] = [];
        for (let e = heap.pop(); e; e = heap.pop()) out.push(e);
        expect(out).toHaveLength(times.length);
        for (let i = 1; i < out.length; i++) {
          const [a, b] = [out[i - 1]!, out[i]!];
          expect(a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq)).toBe(true);
        }
      }),
    );
  });

  it('property: pushes and pops in any order behave as a list sorted by (time, seq)', () => {
    const operation = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 40 }) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 400 }), (operations) => {
        const heap = new EventHeap<string>();
        const model: { timeMs: number; seq: number; item: string }[] = [];
        operations.forEach((op, index) => {
          if ('push' in op) {
            const seq = heap.push(op.push, `e${index}`);
            model.push({ timeMs: op.push, seq, item: `e${index}` });
            model.sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq);
          } else expect(heap.pop()).toEqual(model.shift());
          expect(heap.size).toBe(model.length);
          expect(heap.peekTime()).toBe(model[0]?.timeMs);
          expect(heap.peekSeq()).toBe(model[0]?.seq);
          expect(heap.peek()).toBe(model[0]?.item);
        });
      }),
    );
  });
});
