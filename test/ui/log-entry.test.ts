import { describe, expect, it } from 'vitest';
import { noticeEntry } from '../../src/ui/controller/log-entry.js';

const base = { atMs: 5_000, messageId: 'm00007', server: 'mailmarshal', to: 'sales@example.com.au', recipients: ['a@x.example', 'b@x.example'], reply: null, queuedForMs: 14_400_000 };

describe('noticeEntry', () => {
  it('logs a delay notice as a warning naming the sender and the reason', () => {
    expect(noticeEntry({ ...base, kind: 'delay', reason: 'rate-limited' })).toEqual({ atMs: 5_000, tone: 'warn', text: '✉ mailmarshal told sales@example.com.au: m00007 (2 recipients) delayed, rate-limited' });
  });

  it('logs a bounce as bad', () => {
    const entry = noticeEntry({ ...base, kind: 'bounce', reason: 'expired', recipients: ['a@x.example'] });
    expect(entry.tone).toBe('bad');
    expect(entry.text).toBe('✉ mailmarshal bounced m00007 (1 recipient) to sales@example.com.au: expired');
  });
});
