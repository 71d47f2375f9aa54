import type { UiState } from './ui-state.js';

/** A link as `l` needs to know it. */
export interface LinkChoice {
  readonly name: string;
  readonly up: boolean;
}

/**
 * The link `l` toggles, and whether it goes up or down. The rule (shown in the help): with the
 * links pane focused, its selected link; anywhere else, the link the selected message last left
 * by, falling back to the links pane's selection when that message never left the site.
 */
export function linkTarget(state: UiState, links: readonly LinkChoice[], selectedMessageLink: string | null): { readonly link: string; readonly up: boolean } | null {
  const fromPane = links[Math.min(state.linkCursor, links.length - 1)];
  const fromMessage = state.focus === 'links' || selectedMessageLink === null ? undefined : links.find((link) => link.name === selectedMessageLink);
  const chosen = fromMessage ?? fromPane;
  return chosen === undefined ? null : { link: chosen.name, up: !chosen.up };
}
