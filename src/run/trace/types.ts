/** One numbered step of a trace: what happened, and the details under it. */
export interface TraceStep {
  readonly kind: 'queue' | 'route' | 'nat' | 'connect' | 'smtp' | 'outcome';
  readonly title: string;
  readonly details: readonly string[];
}

/** One attempt of the message, as steps. */
export interface TraceAttempt {
  readonly at: string;
  readonly server: string;
  readonly nextHop: string;
  readonly steps: readonly TraceStep[];
}

/** A message's whole journey through the run. */
export interface MessageTrace {
  readonly scenario: string;
  readonly seed: number;
  readonly message: { readonly id: string; readonly from: string; readonly to: readonly string[]; readonly sizeBytes: number; readonly submittedAt: string; readonly hypothetical: boolean };
  readonly attempts: readonly TraceAttempt[];
  /** How it ended: `delivered at …`, `bounced at … (reason)`, `still pending at the end of the window`. */
  readonly result: string;
}
