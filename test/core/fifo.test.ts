import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fifo } from '../../src/core/fifo.js';

describe('Fifo', () => {
  it('hands items out in the order they came, across growth and wrap-around', () => {
    const fifo = new Fifo<number>();
    for (let i = 0; i < 10; i++) fifo.push(i);
    expect([fifo.shift(), fifo.shift(), fifo.shift()]).toEqual([0, 1, 2]);
    for (let i = 10; i < 40; i++) fifo.push(i);
    expect(fifo.length).toBe(37);
    expect([...fifo]).toEqual(Array.from({ length: 37 }, (_, k) => k + 3));
    const out: number[] = [];
    for (let item = fifo.shift(); item !== undefined; item = fifo.shift()) out.push(item);
    expect(out).toEqual(Array.from({ length: 37 }, (_, k) => k + 3));
    expect(fifo.length).toBe(0);
    expect(fifo.shift()).toBeUndefined();
  });

  it('property: behaves as an array pushed at the back and shifted at the front', () => {
    const operation = fc.oneof(fc.record({ push: fc.integer() }), fc.constant({ shift: true as const }));
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const fifo = new Fifo<number>();
        const model: number[] = [];
        for (const op of operations) {
          if ('push' in op) {
            fifo.push(op.push);
            model.push(op.push);
          } else expect(fifo.shift()).toBe(model.shift());
          expect(fifo.length).toBe(model.length);
        }
        expect([...fifo]).toEqual(model);
      }),
    );
  });
});
