import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFormats, importLines } from '../../src/import/importer.js';
import type { ImportedMessage } from '../../src/import/types.js';
import { fixtureLines } from './support.js';

/** One message's Postfix lines, in the order Postfix writes them. */
function messageLines(index: number, recipients: number, fates: readonly string[]): string[] {
  const id = (0xa00000 + index).toString(16).toUpperCase();
  const stamp = `2024-05-01T10:${String(index % 60).padStart(2, '0')}:00+00:00`;
  const lines = [
    `${stamp} mx postfix/smtpd[9]: ${id}: client=inside[192.168.1.5]`,
    `${stamp} mx postfix/qmgr[1]: ${id}: from=<s${index}@example.com>, size=${1000 + index}, nrcpt=${recipients} (queue active)`,
  ];
  for (let r = 0; r < recipients; r++) {
    lines.push(`${stamp} mx postfix/smtp[2]: ${id}: to=<r${r}@d${(index + r) % 7}.example.net>, relay=mx[192.0.2.1]:25, delay=1, dsn=x, status=${fates[(index + r) % fates.length]} (reply)`);
  }
  lines.push(`${stamp} mx postfix/qmgr[1]: ${id}: removed`);
  return lines;
}

const byId = (messages: readonly ImportedMessage[]): ImportedMessage[] => [...messages].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('importer properties', () => {
  it('any interleaving of messages’ lines gives the same messages', () => {
    const message = fc.record({ recipients: fc.integer({ min: 1, max: 4 }), fates: fc.array(fc.constantFrom('sent', 'deferred', 'bounced'), { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 80 }), (specs, choices) => {
        const perMessage = specs.map((spec, i) => messageLines(i, spec.recipients, spec.fates));
        const sequential = importLines(perMessage.flat(), { format: 'postfix' });
        // Interleave: each choice picks which message's next line comes next; the rest follow in turn.
        const cursors = perMessage.map(() => 0);
        const interleaved: string[] = [];
        for (const choice of choices) {
          const open = perMessage.map((_, i) => i).filter((i) => cursors[i]! < perMessage[i]!.length);
          if (open.length === 0) break;
          const pick = open[choice % open.length]!;
          interleaved.push(perMessage[pick]![cursors[pick]!++]!);
        }
        perMessage.forEach((lines, i) => interleaved.push(...lines.slice(cursors[i])));
        const mixed = importLines(interleaved, { format: 'postfix' });
        expect(byId(mixed.messages)).toEqual(byId(sequential.messages));
        expect(mixed.summary.observed).toEqual(sequential.summary.observed);
      }),
    );
  });

  it('garbage lines never crash the importer, and every line is counted once', () => {
    const real = [...fixtureLines('postfix-classic.log'), ...fixtureLines('exchange-2019.log'), ...fixtureLines('plain.csv')];
    const mutated = fc.tuple(fc.constantFrom(...real), fc.nat(), fc.string({ maxLength: 5 }), fc.nat({ max: 30 })).map(([line, at, insert, cut]) => {
      const i = at % (line.length + 1);
      return (line.slice(0, i) + insert + line.slice(i)).slice(0, Math.max(0, line.length - cut));
    });
    const garbage = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mutated, fc.constantFrom(...real));
    fc.assert(
      fc.property(fc.constantFrom(...importFormats), fc.array(garbage, { maxLength: 60 }), (format, lines) => {
        const { summary, messages } = importLines(lines, { format, maxOpen: 5 });
        expect(summary.events + summary.skipped + summary.malformed).toBe(lines.length);
        expect(summary.messages).toBe(messages.length);
        for (const message of messages) {
          expect(message.to.length).toBeGreaterThan(0);
          expect(Number.isFinite(message.atEpochMs)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
