import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunSession } from '../../../src/run/session.js';
import { loadScenarioText } from '../../../src/scenario/load-scenario.js';
import type { Scenario } from '../../../src/scenario/schema/index.js';
import { arbitraryScenario } from '../../support/arbitrary-scenario.js';
import { AttemptLog, attemptLogChunkRows } from '../../../src/model/world/attempt-log.js';
import type { HopLabel } from '../../../src/model/world/hop-labels.js';
import type { Conversation } from '../../../src/model/smtp-peer.js';
import type { AttemptRecord } from '../../../src/model/world/types.js';

const deferred: Conversation = { reply: { code: 450, enhanced: '4.7.1', text: 'no PTR', stage: 'CONNECT' }, reason: 'no-ptr', checks: [{ check: 'ptr', result: 'fail', detail: 'none' }] };
const own = ['a@one.example'];

function conversationOf(i: number): Conversation {
  // Every fifth attempt has a conversation of its own, as a rate-limited peer's sessions do.
  return i % 5 === 0 ? { ...deferred, checks: [...deferred.checks] } : deferred;
}

/** Some sessions began before the chunk's first (a long one ends later), and some far off, more than 2^31 ms away. */
function startOf(i: number): number {
  return i * 1000 + (i % 11 === 0 ? 30 * 86_400_000 : 0) - (i % 13 === 0 ? 5_000 : 0);
}

function record(i: number, hop: HopLabel, conversation: Conversation): AttemptRecord {
  const atMs = startOf(i);
  return {
    messageId: `m${i % 3}`, atMs, endMs: atMs + 150, server: i % 2 === 0 ? 'exchange' : 'mailmarshal',
    nextHop: hop.host, nextHopAddress: hop.address, link: i % 5 === 0 ? null : `X${1 + (i % 2)}`, sourceAddress: i % 2 === 0 ? '203.0.113.10' : '198.51.100.20',
    rule: 'load-balancing:round-robin', recipients: i % 6 === 0 ? [`b@d${i}.example`] : own, reply: conversation.reply, reason: conversation.reason, checks: conversation.checks,
    outcome: (['accepted', 'deferred', 'rejected'] as const)[i % 3]!, retryAtMs: i % 4 === 0 ? null : i % 7 === 0 ? atMs + 40 * 86_400_000 : atMs + 60_000,
  };
}

describe('AttemptLog', () => {
  it('gives back every attempt as stored, across chunks, each message linked to its previous', () => {
    const log = new AttemptLog();
    const hops = Array.from({ length: 50 }, (_, k) => log.hops.add((id) => ({ id, host: `mx.d${k}.example`, address: k % 7 === 0 ? '' : `192.0.2.${k}` })));
    const stored: AttemptRecord[] = [];
    const last = new Map<string, number>();
    const count = 2 * attemptLogChunkRows + 100;
    for (let i = 0; i < count; i++) {
      const conversation = conversationOf(i);
      const r = record(i, hops[i % hops.length]!, conversation);
      stored.push(r);
      last.set(r.messageId, log.append(last.get(r.messageId) ?? -1, r, r.server, hops[i % hops.length]!, conversation, r.recipients === own ? undefined : r.recipients));
    }
    expect(log.length).toBe(count);
    const edges = [attemptLogChunkRows, 2 * attemptLogChunkRows].flatMap((edge) => [edge - 1, edge, edge + 1]);
    for (const i of [0, 1, 5, 6, 11, 13, 22, 26, 143, ...edges, count - 1]) expect(log.get(i, `m${i % 3}`, own)).toEqual(stored[i]);
    const chain: number[] = [];
    for (let i = last.get('m1')!; i >= 0; i = log.previousOf(i)) chain.push(i);
    expect(chain.reverse()).toEqual(Array.from({ length: Math.ceil((count - 1) / 3) }, (_, k) => 1 + 3 * k));
  });
});

/**
 * Runs a scenario and checks its recipients in the attempt log: at each server, once an attempt
 * accepted or refused a recipient for good, no later attempt there lists that recipient. A row
 * wrongly marked as carrying the message's own list (RCPT refusals carry one recipient each)
 * would list recipients already answered. Returns the number of attempts.
 */
function expectRecipientsAnsweredOnce(scenario: Scenario): number {
  const session = new RunSession(scenario).runToEnd();
  let count = 0;
  for (const message of session.messages) {
    const answered = new Set<string>();
    for (const attempt of message.attempts) {
      count++;
      const keys = attempt.recipients.map((recipient) => `${attempt.server} ${recipient}`);
      for (const recipient of attempt.recipients) expect(message.spec.to).toContain(recipient);
      // Generated lists may name a recipient twice; within one attempt that is no repeat.
      for (const key of keys) expect(answered.has(key), `${message.spec.id}: ${key} answered before`).toBe(false);
      if (attempt.outcome !== 'deferred') for (const key of keys) answered.add(key);
    }
  }
  return count;
}

describe('AttemptLog in a run', () => {
  // Every bundled scenario that carries its own traffic: greylisting and recipient limits answer
  // recipients on their own, outages cut sessions, fallbacks change hops within one try.
  const files = ['bigpond', 'lb', 'mail'].flatMap((dir) => readdirSync(`scenarios/${dir}`).filter((name) => name.endsWith('.yaml')).map((name) => `scenarios/${dir}/${name}`));
  for (const file of files) {
    it(`lists each recipient of ${file} until it is answered for good, and not after`, () => {
      const loaded = loadScenarioText(readFileSync(file, 'utf8'), file);
      if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
      expect(expectRecipientsAnsweredOnce(loaded.scenario)).toBeGreaterThan(0);
    });
  }

  it('lists each recipient of a random scenario until it is answered for good, and not after', () => {
    fc.assert(fc.property(arbitraryScenario, (scenario) => void expectRecipientsAnsweredOnce(scenario)), { numRuns: 40 });
  });
});
