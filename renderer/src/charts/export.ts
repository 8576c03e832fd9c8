/**
 * Chart export. SVG: the chart's <svg> cloned, every style the page's CSS gave it written onto the elements
 * as presentation attributes (so the file renders the same anywhere, with no stylesheet), a white
 * background, the chart's title and summary above it, xmlns set. PNG: that SVG drawn on a canvas at twice
 * its size, through an <img> loading a blob: URL (the CSP allows blob: and data: images; nothing remote).
 */

import { FONT_FAMILY, textWidth, wrapText } from './text-size';

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const INK = '#1d2330';
const MUTED = '#4f5a6b';

const TEXT_PROPS = ['fill', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'letter-spacing'];
const SHAPE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'opacity',
];
const TEXT_TAGS = new Set(['text', 'tspan']);
const SHAPE_TAGS = new Set(['rect', 'path', 'line', 'circle', 'ellipse', 'polyline', 'polygon']);
/** Parts of a chart that exist only for the pointer or the keyboard, never for a printed figure. */
const INTERACTIVE_ONLY = '.recharts-tooltip-cursor, .recharts-active-dot, [data-export="skip"]';

export interface LegendItem {
  label: string;
  fill: string;
  stroke?: string;
}

export interface ExportText {
  /** Shown in bold above the chart. */
  title: string;
  /** Shown under the title, wrapped (the chart's one-line summary). */
  summary?: string;
  /** The series' colours, drawn as a key under the summary. */
  legend?: LegendItem[];
  /** The unit of the figures ("Values in EUR"), on the key's line. */
  unit?: string;
  /** Small print under the chart (the project's name). */
  footnote?: string;
}

export interface StandaloneSvg {
  markup: string;
  width: number;
  height: number;
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || box.width || 640;
  const height = Number(svg.getAttribute('height')) || box.height || 360;
  return { width, height };
}

/** Copy the computed styles that matter for drawing onto the clone, as presentation attributes. */
function inlineStyles(original: Element, clone: Element): void {
  const tag = original.tagName.toLowerCase();
  const props = TEXT_TAGS.has(tag) ? TEXT_PROPS : SHAPE_TAGS.has(tag) ? SHAPE_PROPS : tag === 'g' ? ['opacity'] : [];
  if (props.length > 0 && typeof getComputedStyle === 'function') {
    const style = getComputedStyle(original);
    for (const prop of props) {
      const value = style.getPropertyValue(prop).trim();
      if (value !== '' && value !== 'normal' && !(prop === 'opacity' && value === '1')) clone.setAttribute(prop, value);
    }
  }
  const a = original.children;
  const b = clone.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i]);
}

/**
 * A self-contained SVG document of a rendered chart, with its title and summary drawn above it and a
 * footnote below: what a report or a slide needs, with no reference to the app.
 */
export function standaloneSvg(svg: SVGSVGElement, text: ExportText): StandaloneSvg {
  const doc = svg.ownerDocument;
  const { width, height } = sizeOf(svg);
  const pad = 16;
  const titleSize = 17;
  const smallSize = 13;
  const footSize = 11;
  const line = smallSize + 5;
  const summaryLines = text.summary ? wrapText(text.summary, width - 2 * pad, smallSize) : [];
  const hasKey = (text.legend?.length ?? 0) > 0 || Boolean(text.unit);
  let y = pad + titleSize;
  const titleY = y;
  const summaryYs = summaryLines.map(() => (y += line));
  const keyY = hasKey ? (y += line + 4) : y;
  const header = y + 12;
  const footer = text.footnote ? footSize + 14 : 6;
  const total = { width: Math.ceil(width), height: Math.ceil(header + height + footer) };

  const chart = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, chart);
  chart.querySelectorAll(INTERACTIVE_ONLY).forEach((node) => node.remove());
  for (const name of ['style', 'tabindex', 'role', 'focusable', 'class']) chart.removeAttribute(name);
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(header));
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(height));
  if (!chart.getAttribute('viewBox')) chart.setAttribute('viewBox', `0 0 ${width} ${height}`);

  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  root.setAttribute('width', String(total.width));
  root.setAttribute('height', String(total.height));
  root.setAttribute('viewBox', `0 0 ${total.width} ${total.height}`);
  root.setAttribute('font-family', FONT_FAMILY);
  root.setAttribute('role', 'img');
  const add = (tag: string, attributes: Record<string, string | number>, content?: string) => {
    const node = doc.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (content !== undefined) node.textContent = content;
    root.appendChild(node);
    return node;
  };
  add('title', {}, text.title);
  if (text.summary) add('desc', {}, text.summary);
  add('rect', { x: 0, y: 0, width: total.width, height: total.height, fill: '#ffffff' });
  add('text', { x: pad, y: titleY, 'font-size': titleSize, 'font-weight': 700, fill: INK }, text.title);
  summaryLines.forEach((content, i) =>
    add('text', { x: pad, y: summaryYs[i], 'font-size': smallSize, fill: MUTED }, content),
  );
  let x = pad;
  for (const item of text.legend ?? []) {
    const swatch = { x, y: keyY - 10, width: 12, height: 12, rx: 2, fill: item.fill };
    add('rect', item.stroke ? { ...swatch, stroke: item.stroke, 'stroke-width': 1 } : swatch);
    add('text', { x: x + 17, y: keyY, 'font-size': smallSize, fill: INK }, item.label);
    x += 17 + textWidth(item.label, smallSize) + 18;
  }
  if (text.unit) {
    const right: Record<string, string | number> =
      x === pad ? { x: pad } : { x: total.width - pad, 'text-anchor': 'end' };
    add('text', { ...right, y: keyY, 'font-size': smallSize, fill: MUTED }, text.unit);
  }
  root.appendChild(chart);
  if (text.footnote) add('text', { x: pad, y: total.height - 8, 'font-size': footSize, fill: MUTED }, text.footnote);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { markup, ...total };
}

/** The PNG of an SVG document, `scale` times its size, as base64 (no data: prefix). */
export async function svgToPngBase64(svg: StandaloneSvg, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg.markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      const failed = () => reject(new Error('The chart could not be drawn as an image.'));
      const timer = setTimeout(failed, 15_000);
      image.onload = () => {
        clearTimeout(timer);
        resolve();
      };
      image.onerror = () => {
        clearTimeout(timer);
        failed();
      };
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This system cannot draw images (no canvas).');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL('image/png');
    return dataUrl.slice(dataUrl.indexOf(',') + 1);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** UTF-8 text as base64 (btoa alone accepts only Latin-1). */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
