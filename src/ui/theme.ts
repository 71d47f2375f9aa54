import { createContext, useContext } from 'react';
import type { Tone } from './view-model.js';

/** How tones look: colour names for Ink, or none at all. */
export interface Theme {
  readonly color: (tone: Tone | undefined) => string | undefined;
  readonly colorEnabled: boolean;
}

/**
 * Colours are accents only: text stays in the terminal's own foreground, and the accents are
 * green, red, yellow and cyan, which read on light and dark backgrounds alike (no white, black
 * or grey on the default background).
 */
const palette: Readonly<Record<Tone, string | undefined>> = { ok: 'green', bad: 'red', warn: 'yellow', accent: 'cyan', user: 'cyan', muted: undefined };

/** The theme for an environment: no colour at all when NO_COLOR is set and not empty (no-color.org). */
export function themeFor(env: Readonly<Record<string, string | undefined>>): Theme {
  const colorEnabled = (env['NO_COLOR'] ?? '') === '';
  return { colorEnabled, color: (tone) => (colorEnabled && tone !== undefined ? palette[tone] : undefined) };
}

/** The theme in force; tests provide their own. */
export const ThemeContext = createContext<Theme>(themeFor(process.env));

/** The theme in force. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
