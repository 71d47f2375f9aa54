import { describe, expect, it, vi } from 'vitest';
import { runChunk } from '../../src/ui/controller/run-chunk.js';
import { defaultSpeedIndex, speedFactor } from '../../src/ui/state/speed.js';
import type { SegmentLine } from '../../src/ui/view-model.js';
import { play, scenarioFromText, smallScenarioText, testController } from './support.js';

const text = (lines: readonly SegmentLine[]) => lines.map((line) => line.map((segment) => segment.text).join('')).join('\n');

describe('controller: time', () => {
  it('opens playing at the speed that plays the window in four minutes or less', () => {
    const { controller } = testController();
    expect(controller.uiState.playing).toBe(true);
    expect(controller.uiState.speedIndex).toBe(defaultSpeedIndex(controller.currentSession.endMs));
    expect(speedFactor(controller.uiState.speedIndex) * 240_000).toBeGreaterThanOrEqual(controller.currentSession.endMs);
  });

  it('moves simulated time by speed × real time elapsed', () => {
    const { controller, clock } = testController();
    play(controller, clock, 10, 50);
    expect(controller.currentSession.nowMs).toBe(500 * speedFactor(controller.uiState.speedIndex));
    expect(controller.getViewModel().header.time).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('does not move while paused', () => {
    const { controller, clock } = testController();
    controller.handleKeys(['space']);
    play(controller, clock, 10);
    expect(controller.currentSession.nowMs).toBe(0);
  });

  it('stops at the end of the window', () => {
    const { controller, clock } = testController(scenarioFromText(smallScenarioText));
    for (let i = 0; i < 20; i++) controller.handleKeys(['+']);
    play(controller, clock, 40, 100);
    expect(controller.uiState).toMatchObject({ ended: true, playing: false });
    expect(controller.getViewModel().header.progress).toBe(1);
  });

  it('cuts a chunk of work at the budget, and at a halt', () => {
    let t = 0;
    const session = { nowMs: 0, runUntil: vi.fn(() => 1) };
    // The clock is read every 16 events, so a chunk overshoots its budget by at most that many.
    const chunk = runChunk(session, 1e9, 32, () => (t += 10), () => false);
    expect(chunk.end).toBe('budget');
    expect(chunk.events).toBe(64);
    let calls = 0;
    expect(runChunk(session, 1e9, 1e9, () => 0, () => ++calls > 3)).toEqual({ events: 3, end: 'halted' });
    expect(runChunk({ nowMs: 0, runUntil: () => 0 }, 10, 8, () => 0, () => false)).toEqual({ events: 0, end: 'target' });
  });
});

describe('controller: the story', () => {
  it('pauses at the first 421 with the trace naming the relay, X1 and MAIL', () => {
    const { controller, clock } = testController(undefined, { pauseOnFailure: true });
    for (let i = 0; i < 4000 && controller.uiState.playing; i++) play(controller, clock, 1, 100);
    const vm = controller.getViewModel();
    expect(vm.ui.playing).toBe(false);
    expect(vm.ui.notice?.text).toContain('rate-limited via X1 at MAIL (421 message rejected)');
    const selected = vm.messages.rows.find((row) => row.selected)!;
    expect(selected.state).toBe('deferred');
    expect(selected.reply).toBe('421 message rejected (MAIL)');
    expect(vm.detail).not.toBeNull();
    const trace = text(vm.detail!.lines);
    expect(trace).toContain('mailmarshal → mail.bigpond.com');
    expect(trace).toContain('rule policy-route:relay-via-adsl  link X1');
    expect(trace).toContain('421 message rejected at MAIL');
    expect(trace).toMatch(/retry due \d\d:\d\d:\d\d/);
    // Paused on the very event: nothing after the failure has happened yet.
    controller.handleKeys(['escape']);
    expect(controller.getViewModel().log.rows.at(-1)?.text).toContain('new kind of failure');
  });

  it('takes the selected message’s link down with l, and brings it back', () => {
    const { controller, clock } = testController(undefined, { pauseOnFailure: true });
    for (let i = 0; i < 4000 && controller.uiState.playing; i++) play(controller, clock, 1, 100);
    controller.handleKeys(['escape', 'l']);
    let vm = controller.getViewModel();
    expect(vm.links.rows.find((link) => link.name === 'X1')?.reallyUp).toBe(false);
    expect(vm.log.rows.at(-1)?.text).toContain('what-if: link X1 DOWN');
    expect(vm.ui.notice?.text).toContain('X1 taken down');
    controller.handleKeys(['l']);
    vm = controller.getViewModel();
    expect(vm.links.rows.find((link) => link.name === 'X1')?.reallyUp).toBe(true);
  });

  it('toggles the links pane’s link when it has focus', () => {
    const { controller } = testController();
    controller.handleKeys(['space', 'tab', 'j', 'l']);
    const vm = controller.getViewModel();
    expect(vm.ui.focus).toBe('links');
    expect(vm.links.rows.map((link) => [link.name, link.reallyUp])).toEqual([['X1', true], ['X2', false]]);
  });

  it('steps one run event at a time', () => {
    const { controller } = testController();
    controller.handleKeys(['space']);
    controller.handleKeys(['.']);
    expect(controller.getViewModel().messages.submitted).toBe(1);
    const first = controller.currentSession.nowMs;
    expect(first).toBe(controller.currentSession.messages[0]!.spec.atMs);
    controller.handleKeys(['right', 'right']);
    expect(controller.currentSession.nowMs).toBeGreaterThanOrEqual(first);
    expect(controller.uiState.playing).toBe(false);
  });

  it('restarts from the beginning with the same speed', () => {
    const { controller, clock } = testController();
    controller.handleKeys(['+']);
    play(controller, clock, 20);
    const before = controller.currentSession;
    controller.handleKeys(['r']);
    expect(controller.currentSession).not.toBe(before);
    expect(controller.currentSession.nowMs).toBe(0);
    expect(controller.uiState.speedIndex).toBe(defaultSpeedIndex(before.endMs) + 1);
    expect(controller.getViewModel().messages.submitted).toBe(0);
  });

  it('filters as the filter is typed, and failures only', () => {
    const { controller, clock } = testController();
    play(controller, clock, 400, 100);
    const all = controller.getViewModel().messages.submitted;
    controller.handleKeys(['f']);
    const failures = controller.getViewModel().messages;
    expect(failures.shown).toBeGreaterThan(0);
    expect(failures.shown).toBeLessThan(all);
    expect(failures.rows.every((row) => row.state === 'deferred' || row.state === 'bounced' || row.reply !== '')).toBe(true);
    controller.handleKeys(['f', '/', 'i', 'd', ':', 'm', '0', '0', '0', '1']);
    // The list narrows while the filter is typed, before Enter.
    expect(controller.uiState.filter.editing).toBe(true);
    expect(controller.getViewModel().messages.shown).toBe(10);
    controller.handleKeys(['enter']);
    expect(controller.uiState.filter).toEqual({ text: 'id:m0001', editing: false, draft: 'id:m0001' });
    expect(controller.getViewModel().messages.rows.every((row) => row.id.startsWith('m0001'))).toBe(true);
  });

  it('builds only the rows that fit', () => {
    const { controller, clock } = testController(undefined, { rows: 24, columns: 80 });
    play(controller, clock, 600, 100);
    const vm = controller.getViewModel();
    expect(vm.messages.submitted).toBeGreaterThan(vm.layout.messages.rows);
    expect(vm.messages.rows.length).toBe(vm.layout.messages.rows);
    expect(vm.log.rows.length).toBeLessThanOrEqual(vm.layout.log.rows);
  });

  it('calls onQuit on q', () => {
    const onQuit = vi.fn();
    const { controller } = testController(undefined, { onQuit });
    controller.handleKeys(['q']);
    expect(onQuit).toHaveBeenCalledOnce();
    expect(controller.getViewModel().ui.quit).toBe(true);
  });
});

describe('controller: frame pacing', () => {
  it('publishes every tick when frames are cheap, less often when they are dear, and at once on keys', () => {
    const { controller, clock } = testController();
    let frames = 0;
    controller.subscribe(() => frames++);
    play(controller, clock, 10, 50);
    expect(frames).toBe(10);
    controller.noteFrameCost(100);
    frames = 0;
    play(controller, clock, 10, 50);
    expect(frames).toBe(2);
    controller.handleKeys(['j']);
    expect(frames).toBe(3);
  });
});
