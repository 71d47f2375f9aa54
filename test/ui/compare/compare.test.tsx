import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { RunSession } from '../../../src/run/session.js';
import { CompareScreen } from '../../../src/ui/compare/compare-app.js';
import { CompareController } from '../../../src/ui/compare/compare-controller.js';
import { differingMessages } from '../../../src/ui/compare/compare-model.js';
import { defaultSpeedIndex, speedFactor } from '../../../src/ui/state/speed.js';
import { ThemeContext, themeFor } from '../../../src/ui/theme.js';
import { story } from '../../workflow-fixtures.js';

afterEach(() => cleanup());

function controller() {
  const before = new RunSession(story('02-load-balanced').scenario);
  const after = new RunSession(story('04-policy-route-fix').scenario, { seed: before.seed });
  return { before, after, compare: new CompareController(before, after, ['story 2', 'story 4']) };
}

describe('compare view', () => {
  it('advances both replays to the same instant on each tick', () => {
    const { before, after, compare } = controller();
    compare.tick(1000);
    const stepMs = 1000 * speedFactor(defaultSpeedIndex(before.endMs));
    expect(compare.current.frame.clock).toBe(before.clock.iso(stepMs));
    expect(before.nowMs).toBeLessThanOrEqual(stepMs);
    expect(after.nowMs).toBeLessThanOrEqual(stepMs);
    const clock = compare.current.frame.clock;
    compare.tick(1000);
    expect(compare.current.frame.clock > clock).toBe(true);
    expect(compare.current.frame.sides[0].submitted).toBe(compare.current.frame.sides[1].submitted);
  });

  it('pauses, changes speed, jumps to the end, scrolls and quits by key', () => {
    const { compare } = controller();
    const speed = compare.current.speed;
    compare.key('+');
    expect(compare.current.speed).not.toBe(speed);
    compare.key('space');
    expect(compare.current.paused).toBe(true);
    const clock = compare.current.frame.clock;
    compare.tick(1000);
    expect(compare.current.frame.clock).toBe(clock);
    compare.key('e');
    expect(compare.current.done).toBe(true);
    expect(compare.current.frame.differing.length).toBeGreaterThan(0);
    expect(compare.current.frame.differing.some((row) => row.verdict === 'better')).toBe(true);
    expect(compare.current.frame.differing.some((row) => row.verdict === 'worse')).toBe(false);
    compare.key('down');
    expect(compare.current.scroll).toBe(1);
    compare.key('q');
    expect(compare.current.quit).toBe(true);
  });

  it('finds no differences between a replay and itself', () => {
    const a = new RunSession(story('02-load-balanced').scenario).runToEnd();
    const b = new RunSession(story('02-load-balanced').scenario).runToEnd();
    expect(differingMessages(a.messages, b.messages, a.messages.length)).toEqual([]);
  });

  it('draws both sides and the differing messages', () => {
    const { compare } = controller();
    compare.key('e');
    const app = render(
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <CompareScreen state={compare.current} columns={120} rows={30} />
      </ThemeContext.Provider>,
    );
    const frame = (app.lastFrame() ?? '').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(frame).toContain('BEFORE: story 2');
    expect(frame).toContain('AFTER: story 4');
    expect(frame).toMatch(/Messages that differ: \d+/);
    expect(frame).toMatch(/▲ m\d+/);
    expect(frame).toContain('finished');
  });
});
