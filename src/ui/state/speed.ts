/**
 * Replay speeds, in simulated seconds per real second: from real time (×1) to thousands of times
 * faster. Steps rather than a free number so `+` and `-` land on round, memorable values.
 */
export const speedSteps: readonly number[] = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1200, 3000, 6000, 12000];

/** The step index kept inside the table. */
export function clampSpeedIndex(index: number): number {
  return Math.max(0, Math.min(speedSteps.length - 1, index));
}

/** Simulated ms per real ms at a step. */
export function speedFactor(index: number): number {
  return speedSteps[clampSpeedIndex(index)]!;
}

/** `×600`; real time reads `×1 real time` so nobody wonders why nothing moves. */
export function speedLabel(index: number): string {
  const factor = speedFactor(index);
  return factor === 1 ? '×1 real time' : `×${factor}`;
}

/**
 * The step a replay opens at: the slowest that plays the whole window in four minutes or less,
 * so a story is watchable end to end without touching `+`.
 */
export function defaultSpeedIndex(windowMs: number, targetRealMs = 240_000): number {
  const index = speedSteps.findIndex((factor) => windowMs / factor <= targetRealMs);
  return index === -1 ? speedSteps.length - 1 : index;
}
