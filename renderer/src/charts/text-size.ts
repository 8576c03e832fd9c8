/**
 * How wide a text will be when drawn: measured with a canvas where there is one, estimated from the number of
 * characters otherwise (jsdom in tests). Charts use it to leave room for the values written next to bars.
 */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context === undefined) {
    try {
      // jsdom (component tests) has no canvas and reports every attempt to use one; estimate there.
      const noCanvas = typeof document === 'undefined' || /jsdom/i.test(navigator.userAgent);
      context = noCanvas ? null : document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  return context ?? null;
}

export function textWidth(text: string, fontSize: number, fontWeight: number | string = 400): number {
  const c = canvasContext();
  if (!c) return text.length * fontSize * 0.58;
  c.font = `${fontWeight} ${fontSize}px ${FONT_FAMILY}`;
  return c.measureText(text).width;
}

/** Words packed into lines at most `maxWidth` wide; past `maxLines`, the last line ends with an ellipsis. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3, fontWeight = 400): string[] {
  const lines: string[] = [];
  let line = '';
  // Break at ordinary spaces only: a no-break space keeps "Q × P × years" on one line.
  for (const word of text.split(/[ \t\n\r]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, fontWeight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 1 && textWidth(`${last}…`, fontSize, fontWeight) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}
