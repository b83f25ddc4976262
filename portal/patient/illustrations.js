// Drawings that show how to take each photo: the distance, the light, the focus, and a coin or
// ruler beside the spot for scale. Inline SVG in the clinic's colours, with a text alternative.

import { t } from '/shared/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** The phone, held over the skin at `x`, `y`, tilted by `angle` degrees. */
function phone(x, y, angle = 0) {
  return el('g', { transform: `translate(${x} ${y}) rotate(${angle})`, class: 'ill-phone' },
    el('rect', { x: -14, y: -26, width: 28, height: 52, rx: 5 }),
    el('rect', { x: -10, y: -20, width: 20, height: 38, rx: 2, class: 'ill-screen' }),
    el('circle', { cx: 0, cy: -23, r: 1.6, class: 'ill-lens' }));
}

function skin(width) {
  return el('rect', { x: 120 - width / 2, y: 112, width, height: 18, rx: 9, class: 'ill-skin' });
}

function spot(x = 120) {
  return el('ellipse', { cx: x, cy: 118, rx: 6, ry: 4, class: 'ill-spot' });
}

function coin(x) {
  return el('g', {}, el('circle', { cx: x, cy: 119, r: 5.5, class: 'ill-coin' }),
    el('circle', { cx: x, cy: 119, r: 3, class: 'ill-coin-inner' }));
}

function distance(x, top, bottom, label) {
  return el('g', { class: 'ill-measure' },
    el('line', { x1: x, y1: top, x2: x, y2: bottom }),
    el('path', { d: `M${x - 4} ${top + 6} L${x} ${top} L${x + 4} ${top + 6}` }),
    el('path', { d: `M${x - 4} ${bottom - 6} L${x} ${bottom} L${x + 4} ${bottom - 6}` }),
    el('text', { x: x + 8, y: (top + bottom) / 2 + 4 }, label));
}

function sun() {
  return el('g', { class: 'ill-sun', transform: 'translate(28 26)' },
    el('circle', { r: 9 }),
    ...[0, 45, 90, 135, 180, 225, 270, 315].map((a) => el('line', {
      x1: 0, y1: -13, x2: 0, y2: -18, transform: `rotate(${a})`,
    })));
}

function focusMark(x, y) {
  return el('g', { class: 'ill-focus', transform: `translate(${x} ${y})` },
    el('path', { d: 'M-7 -3 V-7 H-3 M3 -7 H7 V-3 M7 3 V7 H3 M-3 7 H-7 V3' }));
}

const DRAWINGS = {
  close_up: () => [sun(), skin(120), spot(), coin(136), phone(120, 58), focusMark(120, 58),
    distance(176, 84, 112, t('photos.ill.closeDistance'))],
  context: () => [sun(), skin(200), spot(), phone(120, 34), distance(176, 60, 112, t('photos.ill.contextDistance'))],
  oblique: () => [sun(), skin(140), spot(), coin(136), phone(80, 70, -35), focusMark(80, 70)],
  dermoscopic: () => [skin(120), spot(), el('g', { class: 'ill-phone' },
    el('rect', { x: 104, y: 88, width: 32, height: 22, rx: 4 }),
    el('rect', { x: 108, y: 40, width: 24, height: 46, rx: 4, class: 'ill-screen' }))],
};

/** The drawing for a view (close_up, context, oblique, dermoscopic), described for screen readers. */
export function illustration(view) {
  const svg = el('svg', { viewBox: '0 0 240 140', class: 'illustration', role: 'img', 'aria-label': t(`photos.ill.${view}`) },
    ...DRAWINGS[view]());
  return svg;
}

/**
 * Representative tones of the six skin types (Fitzpatrick I-VI), lightest first: an aid to the
 * intake's optional skin-type question, never a measurement.
 */
const SKIN_TONES = ['#f6dfcf', '#eac9ad', '#d3a57e', '#a8744b', '#7a4a26', '#4a2c1a'];

/** One skin type's tone as a small disc beside its answer; decorative, the words say it all. */
export function skinTone(type) {
  return el('svg', { viewBox: '0 0 20 20', class: 'skin-tone', 'aria-hidden': 'true', focusable: 'false' },
    el('circle', { cx: 10, cy: 10, r: 9, fill: SKIN_TONES[type - 1], stroke: '#6b7280', 'stroke-width': 0.5 }));
}

/** The six types side by side with their numerals, described for screen readers. */
export function skinTypeScale() {
  return el('svg', { viewBox: '0 0 240 56', class: 'illustration illustration--skin-types', role: 'img',
    'aria-label': t('intake.skin.scale') },
  ...SKIN_TONES.flatMap((tone, i) => [
    el('circle', { cx: 20 + i * 40, cy: 20, r: 16, fill: tone, stroke: '#6b7280', 'stroke-width': 0.75 }),
    el('text', { x: 20 + i * 40, y: 52, 'text-anchor': 'middle', class: 'ill-label' }, ['I', 'II', 'III', 'IV', 'V', 'VI'][i]),
  ]));
}
