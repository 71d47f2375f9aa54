import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App } from '../../src/ui/app.js';
import type { TuiController } from '../../src/ui/controller/controller.js';
import { keymap } from '../../src/ui/keymap.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { play, testController } from './support.js';

afterEach(() => cleanup());

const plain = (frame: string | undefined) => (frame ?? '').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function mount(controller: TuiController, size = { columns: 120, rows: 40 }) {
  const app = render(
    <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
      <App controller={controller} size={size} />
    </ThemeContext.Provider>,
  );
  const frame = () => plain(app.lastFrame());
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await settle();
    }
  };
  return { app, frame, press };
}

function expectFits(frame: string, size: { columns: number; rows: number }) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(size.columns);
}

describe('App', () => {
  it('draws every pane at 120x40, within rows - 1 lines', async () => {
    const { controller, clock } = testController();
    play(controller, clock, 300, 100);
    const { frame } = mount(controller);
    await settle();
    const text = frame();
    for (const part of ['▶ playing', '×60', 'BigPond story 3', 'Links', 'X1', '203.0.113.10', 'mail.example.com.au', '✗ no PTR', 'Queues', 'mailmarshal', 'Relays & receivers', 'mail.bigpond.com', 'Messages', 'LAST REPLY', 'Event log', '? help']) {
      expect(text, part).toContain(part);
    }
    expectFits(text, { columns: 120, rows: 40 });
  });

  it('answers keys: pause, failures only, first row, trace', async () => {
    const { controller, clock } = testController();
    play(controller, clock, 300, 100);
    const { frame, press } = mount(controller);
    await press(' ');
    expect(frame()).toContain('‖ paused');
    await press('f', 'g', '\r');
    const text = frame();
    expect(text).toContain('failures only');
    expect(text).toMatch(/Trace m\d+/);
    expect(text).toContain('mailmarshal → mail.bigpond.com [61.9.168.10]');
    expect(text).toContain('link X1');
    expect(text).toContain('421 message rejected at MAIL');
    expectFits(text, { columns: 120, rows: 40 });
  });

  it('takes the link down with l and shows it in the links pane and the log', async () => {
    const { controller, clock } = testController();
    play(controller, clock, 300, 100);
    const { frame, press } = mount(controller);
    await press(' ', 'f', 'g', 'l');
    const text = frame();
    expect(text).toMatch(/X1\s+DOWN/);
    expect(text).toContain('what-if: link X1 DOWN (by you)');
  });

  it('draws the help from the keymap, and closes it with ?', async () => {
    const { controller } = testController();
    const { frame, press } = mount(controller);
    await press('?');
    const text = frame();
    for (const binding of keymap) expect(text).toContain(binding.description.slice(0, 30));
    expectFits(text, { columns: 120, rows: 40 });
    await press('?');
    expect(frame()).toContain('Messages');
  });

  it('shows the filter line while typing', async () => {
    const { controller, clock } = testController();
    play(controller, clock, 300, 100);
    const { frame, press } = mount(controller);
    await press(' ', '/', 'x', '1');
    expect(frame()).toContain('/ x1█');
    await press('\r');
    expect(frame()).toContain('filter "x1"');
  });

  it('says the terminal is too small instead of drawing the panes', async () => {
    const { controller } = testController();
    const { frame } = mount(controller, { columns: 60, rows: 20 });
    await settle();
    const text = frame();
    expect(text).toContain('Terminal too small: 60x20');
    expect(text).toContain('80x24');
    expectFits(text, { columns: 60, rows: 20 });
  });

  it('follows a resize', async () => {
    const { controller, clock } = testController();
    play(controller, clock, 300, 100);
    const { app, frame } = mount(controller);
    await settle();
    expect(frame().split('\n').length).toBe(39);
    app.rerender(
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <App controller={controller} size={{ columns: 80, rows: 24 }} />
      </ThemeContext.Provider>,
    );
    await settle();
    expectFits(frame(), { columns: 80, rows: 24 });
    expect(frame().split('\n').length).toBe(23);
  });

  it('never draws taller than rows - 1 or wider than the terminal', async () => {
    const { controller, clock } = testController();
    play(controller, clock, 600, 100);
    for (const size of [{ columns: 80, rows: 24 }, { columns: 100, rows: 30 }, { columns: 160, rows: 50 }, { columns: 200, rows: 24 }, { columns: 80, rows: 60 }]) {
      for (const keys of [[], ['\r'], ['?'], ['\t']]) {
        const { frame, press, app } = mount(controller, size);
        await press(...keys);
        expectFits(frame(), size);
        app.unmount();
        controller.handleKeys(['escape', 'escape']);
      }
    }
  });
});

describe('theme', () => {
  it('has no colour at all with NO_COLOR', () => {
    const theme = themeFor({ NO_COLOR: '1' });
    expect(theme.colorEnabled).toBe(false);
    for (const tone of ['ok', 'bad', 'warn', 'accent', 'user', 'muted'] as const) expect(theme.color(tone)).toBeUndefined();
  });

  it('uses accents readable on light and dark backgrounds otherwise', () => {
    const theme = themeFor({});
    expect(['ok', 'bad', 'warn', 'accent'].map((tone) => theme.color(tone as 'ok'))).toEqual(['green', 'red', 'yellow', 'cyan']);
    expect(theme.color('muted')).toBeUndefined();
    expect(themeFor({ NO_COLOR: '' }).colorEnabled).toBe(true);
  });
});
