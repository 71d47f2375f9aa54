import { describe, expect, it } from 'vitest';
import { linkState } from '../../src/ui/components/links-pane.js';
import { chartRows } from '../../src/ui/components/queue-chart.js';
import { sparkline } from '../../src/ui/components/sparkline.js';
import { attemptFailureKind } from '../../src/ui/state/failure-kind.js';
import { linkTarget } from '../../src/ui/state/link-target.js';
import { clampSpeedIndex, defaultSpeedIndex, speedLabel, speedSteps } from '../../src/ui/state/speed.js';
import { initialUiState } from '../../src/ui/state/ui-state.js';
import { cell, count, fit, truncate } from '../../src/ui/text.js';

const state = initialUiState({ speedIndex: 0, pauseOnFailure: false });
const links = [{ name: 'X1', up: true }, { name: 'X2', up: false }];

describe('the l rule', () => {
  it('takes the links pane’s link when it has focus', () => {
    expect(linkTarget({ ...state, focus: 'links', linkCursor: 1 }, links, 'X1')).toEqual({ link: 'X2', up: true });
  });

  it('takes the selected message’s link elsewhere, else the links pane’s', () => {
    expect(linkTarget({ ...state, focus: 'messages', linkCursor: 1 }, links, 'X1')).toEqual({ link: 'X1', up: false });
    expect(linkTarget({ ...state, focus: 'log', linkCursor: 1 }, links, null)).toEqual({ link: 'X2', up: true });
    expect(linkTarget(state, [], null)).toBeNull();
  });
});

describe('speed', () => {
  it('goes from real time to thousands of times faster', () => {
    expect(speedSteps[0]).toBe(1);
    expect(speedSteps.at(-1)).toBeGreaterThanOrEqual(6000);
    expect(speedLabel(0)).toBe('×1 real time');
    expect(speedLabel(7)).toBe('×300');
    expect(clampSpeedIndex(99)).toBe(speedSteps.length - 1);
  });

  it('opens at the slowest speed that plays the window in four minutes', () => {
    expect(speedSteps[defaultSpeedIndex(4 * 3_600_000)]).toBe(60);
    expect(speedSteps[defaultSpeedIndex(60_000)]).toBe(1);
    expect(defaultSpeedIndex(365 * 86_400_000)).toBe(speedSteps.length - 1);
  });
});

describe('failure kinds', () => {
  it('are told apart by reason, link and stage', () => {
    const attempt = {
      messageId: 'm1', atMs: 0, endMs: 1, server: 'gw', nextHop: 'relay', nextHopAddress: '192.0.2.1', link: 'X1', sourceAddress: '203.0.113.10', rule: 'policy-route:r',
      recipients: [], reply: { code: 421, enhanced: null, text: 'message rejected', stage: 'MAIL' as const }, reason: 'rate-limited' as const, checks: [], outcome: 'deferred' as const, retryAtMs: 5,
    };
    expect(attemptFailureKind(attempt)).toEqual({ key: 'rate-limited|X1|MAIL', label: 'rate-limited via X1 at MAIL (421 message rejected)' });
    expect(attemptFailureKind({ ...attempt, link: null })?.key).toBe('rate-limited|-|MAIL');
    expect(attemptFailureKind({ ...attempt, outcome: 'accepted' })).toBeUndefined();
  });
});

describe('drawing helpers', () => {
  it('marks a link the firewall has not noticed yet', () => {
    expect([linkState({ up: true, reallyUp: true }), linkState({ up: false, reallyUp: false }), linkState({ up: true, reallyUp: false }), linkState({ up: false, reallyUp: true })]).toEqual(['up', 'DOWN', 'DOWN*', 'up*']);
  });

  it('draws sparklines and charts with blank zero and future columns', () => {
    expect(sparkline([0, 1, 4, 8, -1], 8)).toBe(' ▁▄█ ');
    // Two rows are sixteen eighths: 8 fills both, 4 the lower, 1 shows as two eighths.
    expect(chartRows([0, 8, 4, 1, -1], 8, 2)).toEqual([' █   ', ' ██▂ ']);
  });

  it('cuts and pads text to a width', () => {
    expect(truncate('mail.example.com.au', 8)).toBe('mail.ex…');
    expect(fit('X1', 4)).toBe('X1  ');
    expect(cell('reception@example.com.au', 10)).toBe('receptio… ');
    expect(count(1234567)).toBe('1,234,567');
  });
});
