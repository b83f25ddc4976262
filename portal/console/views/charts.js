// Small charts as inline SVG drawn from numbers, no library. Each chart is decorative for
// assistive technology (aria-hidden): the table beside it says the same in words and figures.

const NS = 'http://www.w3.org/2000/svg';
const W = 560;
const H = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function frame(className) {
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: `chart ${className}`, 'aria-hidden': 'true',
    focusable: 'false', preserveAspectRatio: 'xMidYMid meet' });
}

/** A rounded-up top for the y axis (at least `floor`), so gridlines fall on whole numbers. */
function niceMax(values, floor) {
  const max = Math.max(floor, ...values.filter((v) => v !== null && v !== undefined));
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function axes(chart, labels, top, format) {
  const plotH = H - PAD.top - PAD.bottom;
  for (let i = 0; i <= 4; i += 1) {
    const y = PAD.top + plotH - (plotH * i) / 4;
    chart.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: 'chart__grid' }));
    chart.append(svg('text', { x: PAD.left - 6, y: y + 4, class: 'chart__tick', 'text-anchor': 'end' },
      format((top * i) / 4)));
  }
  const every = Math.ceil(labels.length / 8);
  labels.forEach((label, i) => {
    if ((labels.length - 1 - i) % every !== 0) return; // the current week always has its label
    chart.append(svg('text', { x: xAt(i, labels.length), y: H - 8, class: 'chart__tick', 'text-anchor': 'middle' },
      label));
  });
}

/** Axis figures: whole numbers as they are, others to one decimal. */
function tick(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function xAt(i, n) {
  const plotW = W - PAD.left - PAD.right;
  return PAD.left + (plotW * (i + 0.5)) / n;
}

function yAt(value, top) {
  const plotH = H - PAD.top - PAD.bottom;
  return PAD.top + plotH - (plotH * value) / top;
}

/** Bars, one per label; `format` writes the axis ticks. */
export function barChart(labels, values, { floor = 4, format = tick, className = '' } = {}) {
  const chart = frame(`chart--bars ${className}`);
  const top = niceMax(values, floor);
  axes(chart, labels, top, format);
  const width = ((W - PAD.left - PAD.right) / labels.length) * 0.6;
  values.forEach((value, i) => {
    if (!value) return;
    const y = yAt(value, top);
    chart.append(svg('rect', { x: xAt(i, labels.length) - width / 2, y, width, height: yAt(0, top) - y,
      class: 'chart__bar', rx: 2 }));
  });
  return chart;
}

/**
 * Lines, one per series ({name, values, className}); a null value breaks the line (a week with
 * nothing to measure), a lone point is drawn as a dot.
 */
export function lineChart(labels, series, { floor = 4, format = tick } = {}) {
  const chart = frame('chart--lines');
  const top = niceMax(series.flatMap((s) => s.values), floor);
  axes(chart, labels, top, format);
  for (const { values, className } of series) {
    let path = '';
    values.forEach((value, i) => {
      if (value === null || value === undefined) return;
      const command = i > 0 && values[i - 1] !== null && values[i - 1] !== undefined ? 'L' : 'M';
      path += `${command}${xAt(i, labels.length).toFixed(1)},${yAt(value, top).toFixed(1)} `;
      chart.append(svg('circle', { cx: xAt(i, labels.length), cy: yAt(value, top), r: 3.5,
        class: `chart__dot ${className}` }));
    });
    if (path) chart.append(svg('path', { d: path.trim(), class: `chart__line ${className}` }));
  }
  return chart;
}

/**
 * Points with their 95% intervals on a 0-1 scale (agreement, kappa), one per label; a label with
 * no point (not enough data) is left empty, its table row says why.
 */
export function intervalChart(labels, points, { className = '' } = {}) {
  const chart = frame(`chart--intervals ${className}`);
  axes(chart, labels, 1, (v) => `${Math.round(v * 100)}%`);
  points.forEach((point, i) => {
    if (!point) return;
    const x = xAt(i, labels.length);
    const clamp = (v) => Math.min(1, Math.max(0, v));
    chart.append(svg('line', { x1: x, x2: x, y1: yAt(clamp(point.lower), 1), y2: yAt(clamp(point.upper), 1),
      class: 'chart__interval' }));
    for (const end of [point.lower, point.upper]) {
      chart.append(svg('line', { x1: x - 6, x2: x + 6, y1: yAt(clamp(end), 1), y2: yAt(clamp(end), 1),
        class: 'chart__interval' }));
    }
    chart.append(svg('circle', { cx: x, cy: yAt(clamp(point.value), 1), r: 4.5, class: 'chart__dot series-1' }));
  });
  return chart;
}
