import { describe, expect, it } from 'vitest';
import { RecipientDomains } from '../../../src/model/world/delivery.js';

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
