import { Box, Text } from 'ink';
import type { Segment, SegmentLine } from '../view-model.js';
import { useTheme } from '../theme.js';

/** Cuts segments to `width` columns so a line can never wrap and push the frame taller. */
export function clipSegments(segments: SegmentLine, width: number): SegmentLine {
  const out = [];
  let left = width;
  for (const segment of segments) {
    if (left <= 0) break;
    if (segment.text.length <= left) {
      out.push(segment);
      left -= segment.text.length;
    } else {
      out.push({ ...segment, text: left === 1 ? '…' : `${segment.text.slice(0, left - 1)}…` });
      left = 0;
    }
  }
  return out;
}

const ascii = /^[\u0020-\u007e]*$/;
const runs = /[\u0020-\u007e]+|[^\u0020-\u007e]+/g;

/** A run of segments drawn as one Text: all printable ASCII, or not. */
export interface Chunk {
  readonly ascii: boolean;
  readonly parts: readonly Segment[];
}

/**
 * Splits a line into chunks of printable ASCII and of anything else. Ink measures and tokenises
 * text one grapheme at a time unless it is pure ASCII, roughly ten times slower; drawing each
 * non-ASCII run (a status symbol, a sparkline) as its own Text keeps the rest on the fast path.
 */
export function chunkSegments(segments: SegmentLine): Chunk[] {
  const chunks: { ascii: boolean; parts: Segment[] }[] = [];
  for (const segment of segments) {
    for (const text of segment.text.match(runs) ?? []) {
      const isAscii = ascii.test(text);
      const last = chunks[chunks.length - 1];
      const part = { ...segment, text };
      if (last !== undefined && last.ascii && isAscii) last.parts.push(part);
      else chunks.push({ ascii: isAscii, parts: [part] });
    }
  }
  return chunks;
}

/**
 * Drops trailing blanks: Ink's cost grows with each character written, and the screen is blank
 * there anyway. Kept when the line is drawn inverse or underlined, where the blanks show.
 */
function trimEnd(segments: SegmentLine, keep: boolean): SegmentLine {
  if (keep) return segments;
  const out = [...segments];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const text = last.text.trimEnd();
    if (text === last.text) break;
    if (text === '') out.pop();
    else {
      out[out.length - 1] = { ...last, text };
      break;
    }
  }
  return out;
}

/** One line of styled segments, exactly one terminal row high. */
export function Line({ segments, width, inverse = false, underline = false }: { readonly segments: SegmentLine; readonly width: number; readonly inverse?: boolean; readonly underline?: boolean }) {
  const theme = useTheme();
  const chunks = chunkSegments(trimEnd(clipSegments(segments, width), inverse || underline));
  const draw = (chunk: Chunk, key: number) => (
    <Text key={key} wrap="truncate-end" inverse={inverse} underline={underline}>
      {chunk.parts.map((segment, i) => (
        <Text key={i} color={theme.color(segment.tone)} dimColor={segment.tone === 'muted'} bold={segment.bold ?? false}>
          {segment.text}
        </Text>
      ))}
    </Text>
  );
  if (chunks.length <= 1) return chunks.length === 0 ? <Text> </Text> : draw(chunks[0]!, 0);
  return (
    <Box flexDirection="row" height={1} width={width} flexShrink={0}>
      {chunks.map(draw)}
    </Box>
  );
}
