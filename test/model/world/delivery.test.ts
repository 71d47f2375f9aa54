import { describe, expect, it } from 'vitest';
import { DeliveryPool, inSession, moveDelivery, newDelivery, newServerState, RecipientDomains, type Delivery } from '../../../src/model/world/delivery.js';
import { AttemptLog } from '../../../src/model/world/attempt-log.js';
import { HopLabels } from '../../../src/model/world/hop-labels.js';
import { TrackedMessage } from '../../../src/model/world/message-record.js';
import type { ServerConfig } from '../../../src/model/world/types.js';

describe('RecipientDomains', () => {
  it('takes the part after the last @, lower-cased, one string per domain', () => {
    const domains = new RecipientDomains();
    expect(domains.of('"a@b"@Example.COM')).toBe('example.com');
    const first = domains.of('alex@Example.com');
    const second = domains.of('sam@example.COM');
    expect(first).toBe('example.com');
    // The very same string object, so maps keyed by domain match by identity.
    expect(Object.is(first, second)).toBe(true);
  });

  it('splits recipients by domain, keeping their order, and uses domains the message already carries', () => {
    const domains = new RecipientDomains();
    expect(domains.split(['a@x.com', 'b@y.com', 'c@X.com'])).toEqual([
      { domain: 'x.com', recipients: ['a@x.com', 'c@X.com'] },
      { domain: 'y.com', recipients: ['b@y.com'] },
    ]);
    expect(domains.split(['a@x.com', 'b@y.com'], ['one', 'one'])).toEqual([{ domain: 'one', recipients: ['a@x.com', 'b@y.com'] }]);
  });
});

/** The fields a delivery has per server (not its last session's facts, which the next session overwrites). */
const perServer = (delivery: Delivery) => {
  const { message, server, queuedAtMs, siblings, recipients, ownRecipients, domain, failures, hop, handshakes, destination, noticed, wake, wakeSeq, currentHop, conversation } = delivery;
  return { message, server, queuedAtMs, siblings, recipients, ownRecipients, domain, failures, hop, handshakes, destination, noticed, wake, wakeSeq, currentHop, conversation };
};

/** Two servers, a message, and a delivery of it at the first that has been through a session and more. */
function usedDelivery() {
  const labels = new HopLabels();
  const config = (name: string, address: string) => ({ name, address, route: { kind: 'direct' }, concurrency: 10 }) as unknown as ServerConfig;
  const [inside, gateway] = [newServerState(config('exchange', '192.168.1.5'), labels), newServerState(config('gateway', '192.168.1.10'), labels)];
  const log = new AttemptLog();
  const message = new TrackedMessage({ id: 'm1', atMs: 0, from: 'a@example.com', to: ['b@one.example'], sizeBytes: 1000 }, log);
  const used = newDelivery(message, inside, 5, { open: 2, noticed: true }, ['b@one.example'], '');
  Object.assign(used, { failures: 2, hop: 1, handshakes: 1, noticed: true, wake: 'done', wakeSeq: 41, ownRecipients: false, recipients: [], currentHop: gateway.label });
  used.conversation = { reply: { code: 250, enhanced: '2.0.0', text: 'ok', stage: 'END-OF-DATA' }, reason: 'accepted', checks: [] };
  return { used, message, gateway, log };
}

describe('moveDelivery', () => {
  it('starts a delivery handed on afresh at the next server, as a new one would', () => {
    const { used, message, gateway } = usedDelivery();
    used.siblings = undefined;
    expect(inSession(used)).toBe(true);
    const moved = moveDelivery(used, gateway, 900, 'one.example');
    expect(moved).toBe(used);
    expect(perServer(moved)).toEqual(perServer(newDelivery(message, gateway, 900, undefined, undefined, 'one.example')));
    expect(inSession(moved)).toBe(false);
  });
});

describe('DeliveryPool', () => {
  it('makes a new delivery while it has none to reuse', () => {
    const { message, gateway } = usedDelivery();
    const pool = new DeliveryPool();
    expect(perServer(pool.take(message, gateway, 7, undefined, undefined, 'one.example'))).toEqual(perServer(newDelivery(message, gateway, 7, undefined, undefined, 'one.example')));
  });

  it('hands out a closed delivery again, started afresh for another message, as a new one would be', () => {
    const { used, gateway, log } = usedDelivery();
    const pool = new DeliveryPool();
    pool.give(used);
    expect(pool.spareCount).toBe(1);
    const other = new TrackedMessage({ id: 'm2', atMs: 10, from: 'c@example.com', to: ['d@two.example', 'e@two.example'], sizeBytes: 500 }, log);
    const siblings = { open: 1, noticed: false };
    const reused = pool.take(other, gateway, 900, siblings, ['d@two.example'], 'two.example');
    expect(reused).toBe(used);
    expect(pool.spareCount).toBe(0);
    expect(perServer(reused)).toEqual(perServer(newDelivery(other, gateway, 900, siblings, ['d@two.example'], 'two.example')));
    expect(inSession(reused)).toBe(false);
  });
});
