import { Box, Text } from 'ink';
import { minColumns, minRows } from '../layout.js';
import { truncate } from '../text.js';

/**
 * Shown instead of the panes when the terminal is too small to draw them legibly. Never taller
 * than the space it has: at one usable line it says only the essential.
 */
export function TooSmall({ columns, lines }: { readonly columns: number; readonly lines: number }) {
  const all = [`Terminal too small: ${columns}x${lines + 1}.`, `egress-sim needs at least ${minColumns}x${minRows}.`, 'Enlarge the window, or press q to quit.'];
  const shown = lines <= 0 ? [] : lines < all.length ? [`too small (${columns}x${lines + 1}, need ${minColumns}x${minRows}); q quits`] : all;
  return (
    <Box flexDirection="column" width={columns} height={Math.max(0, Math.min(lines, shown.length))}>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end" bold={i === 0}>
          {truncate(line, columns)}
        </Text>
      ))}
    </Box>
  );
}
