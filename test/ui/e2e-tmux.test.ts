import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The built binary driven in a real terminal (tmux), as a user would: `npm test` builds dist/
 * first. Assertions poll `capture-pane` until a deadline instead of sleeping a fixed time, and
 * make no claim about timing.
 */
const tmuxPresent = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const socket = `egress-sim-e2e-${process.pid}`;
const story = 'scenarios/bigpond/03-smarthost-workaround.yaml';

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const capture = (session: string): string => tmux('capture-pane', '-p', '-t', session);

async function waitFor(session: string, what: string, predicate: (screen: string) => boolean, timeoutMs = 40_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < deadline) {
    screen = capture(session);
    if (predicate(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
}

/** Starts the binary in a detached tmux session; the shell reports its exit code afterwards. */
function open(session: string, columns: number, rows: number, env = ''): void {
  const command = `${env} ${JSON.stringify(process.execPath)} dist/cli/main.js ${story}; echo "egress-sim exited with $?"; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), '-c', process.cwd(), command);
}

/** The first message, in submission order, that the relay answered 421 — from the headless report. */
function firstRefusedMessage(): string {
  const result = spawnSync(process.execPath, ['dist/cli/main.js', 'run', story, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(result.stdout) as { messages: { id: string; attempts: { reply: { code: number | null } }[] }[] };
  const message = report.messages.find((m) => m.attempts.some((attempt) => attempt.reply.code === 421));
  if (message === undefined) throw new Error('the story scenario has no 421 any more');
  return message.id;
}

afterAll(() => {
  if (tmuxPresent) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe.skipIf(!tmuxPresent)('TUI end to end in tmux', () => {
  it('follows the 421 story: first 421, its trace, X1 down, quit', async () => {
    const expected = firstRefusedMessage();
    // CI=true as well: Ink draws no live frames under CI unless the CLI sees to it.
    open('story', 120, 40, 'CI=true');
    await waitFor('story', 'the TUI', (screen) => screen.includes('Messages') && screen.includes('▶ playing'));
    tmux('send-keys', '-t', 'story', '+');
    tmux('send-keys', '-t', 'story', '+');
    await waitFor('story', 'the first 421', (screen) => screen.includes('421 message rejected'));

    tmux('send-keys', '-t', 'story', 'Space');
    await waitFor('story', 'the pause', (screen) => screen.includes('‖ paused'));
    for (const key of ['f', 'g', 'Enter']) tmux('send-keys', '-t', 'story', key);
    const trace = await waitFor('story', 'the trace', (screen) => screen.includes(`Trace ${expected}`));
    expect(trace).toContain('mailmarshal → mail.bigpond.com [61.9.168.10]');
    expect(trace).toMatch(/rule policy-route:relay-via-adsl\s+link X1\s+NAT 203\.0\.113\.10/);
    expect(trace).toMatch(/421 message rejected at MAIL\s+deferred \(rate-limited\)/);

    tmux('send-keys', '-t', 'story', 'Escape');
    tmux('send-keys', '-t', 'story', 'l');
    const down = await waitFor('story', 'X1 down', (screen) => /X1\s+DOWN/.test(screen));
    expect(down).toContain('what-if: X1 taken down');
    await waitFor('story', 'the log entry', (screen) => screen.includes('what-if: link X1 DOWN (by you)'));

    tmux('send-keys', '-t', 'story', 'q');
    await waitFor('story', 'the exit', (screen) => screen.includes('egress-sim exited with 0'));
    expect(tmux('display-message', '-p', '-t', 'story', '#{alternate_on}').trim()).toBe('0');
  });

  it('follows resizes, says when too small, honours NO_COLOR, restores the terminal on SIGTERM', async () => {
    open('resize', 80, 24, 'NO_COLOR=1');
    await waitFor('resize', 'the TUI', (screen) => screen.includes('Messages'));
    const coloured = tmux('capture-pane', '-e', '-p', '-t', 'resize');
    expect(coloured).not.toMatch(/\u001b\[[0-9;]*(3[0-7]|38;|9[0-7])[;m]/);
    expect(capture('resize').trimEnd().split('\n').length).toBeLessThanOrEqual(23);

    tmux('resize-window', '-t', 'resize', '-x', '70', '-y', '20');
    const small = await waitFor('resize', 'the too-small notice', (screen) => screen.includes('Terminal too small: 70x20'));
    expect(small).not.toContain('Messages');

    tmux('resize-window', '-t', 'resize', '-x', '100', '-y', '30');
    const big = await waitFor('resize', 'the panes again', (screen) => screen.includes('Messages') && screen.includes('q quit'));
    const lines = big.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(29);
    expect(lines.at(-1)).toContain('q quit');

    const shell = tmux('display-message', '-p', '-t', 'resize', '#{pane_pid}').trim();
    const node = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim().split('\n')[0]!;
    process.kill(Number(node), 'SIGTERM');
    await waitFor('resize', 'the exit', (screen) => screen.includes('egress-sim exited with 143'));
    expect(tmux('display-message', '-p', '-t', 'resize', '#{alternate_on}').trim()).toBe('0');
  });
});

if (!tmuxPresent) {
  const why = 'SKIPPED: tmux is not installed, so the end-to-end TUI test cannot run (CI installs it in .ci/run)';
  console.warn(`test/ui/e2e-tmux.test.ts: ${why}`);
  describe('TUI end to end in tmux', () => it.skip(why, () => undefined));
}
