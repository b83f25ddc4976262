// One photo with zoom and pan: the mouse wheel zooms around the pointer, dragging pans, and the
// keyboard (+, -, 0, arrow keys on the focused photo) and the buttons below do the same for
// people who cannot use a mouse. The image moves with a CSS transform, so zooming costs no fetch.

import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const MIN = 1;
const MAX = 8;
const STEP = 1.25;
const PAN = 60; // pixels per arrow key press

/**
 * @returns {{root, show(photo, caption), zoomBy(factor), fit(), pan(dx, dy), zoom()}}
 */
export function photoViewer({ id, label }) {
  let scale = 1;
  let x = 0;
  let y = 0;
  let current = null;
  const image = h('img', { class: 'viewer__image', alt: '', draggable: 'false' });
  const empty = h('p', { class: 'viewer__empty' }, t('viewer.choose'));
  const status = h('p', { class: 'viewer__zoom', 'aria-live': 'polite', id: `${id}-zoom` }, '100%');
  const stage = h('div', {
    class: 'viewer__stage', tabindex: '0', role: 'group', id: `${id}-stage`,
    'aria-roledescription': t('viewer.role'),
    'aria-label': t('viewer.label', { label }),
    'aria-describedby': `${id}-zoom`,
  }, empty, image);
  const caption = h('figcaption', { class: 'viewer__caption' });

  function apply() {
    // Keep the picture covering the stage: no panning past its edges.
    const limitX = (stage.clientWidth * (scale - 1)) / 2;
    const limitY = (stage.clientHeight * (scale - 1)) / 2;
    x = Math.max(-limitX, Math.min(limitX, x));
    y = Math.max(-limitY, Math.min(limitY, y));
    image.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    status.textContent = new Intl.NumberFormat(document.documentElement.lang, { style: 'percent' }).format(scale);
    stage.classList.toggle('is-zoomed', scale > 1);
  }

  function zoomBy(factor, around = null) {
    const next = Math.max(MIN, Math.min(MAX, scale * factor));
    if (around) {
      // Keep the point under the pointer where it is.
      const rect = stage.getBoundingClientRect();
      const px = around.clientX - rect.left - rect.width / 2;
      const py = around.clientY - rect.top - rect.height / 2;
      x = px - ((px - x) * next) / scale;
      y = py - ((py - y) * next) / scale;
    } else {
      x = (x * next) / scale;
      y = (y * next) / scale;
    }
    scale = next;
    apply();
  }

  function fit() {
    scale = 1;
    x = 0;
    y = 0;
    apply();
  }

  function pan(dx, dy) {
    x += dx;
    y += dy;
    apply();
  }

  stage.addEventListener('wheel', (event) => {
    if (!current) return;
    event.preventDefault();
    zoomBy(event.deltaY < 0 ? STEP : 1 / STEP, event);
  }, { passive: false });

  let drag = null;
  stage.addEventListener('pointerdown', (event) => {
    if (!current || scale === 1) return;
    drag = { startX: event.clientX - x, startY: event.clientY - y };
    stage.setPointerCapture(event.pointerId);
    stage.classList.add('is-dragging');
  });
  stage.addEventListener('pointermove', (event) => {
    if (!drag) return;
    x = event.clientX - drag.startX;
    y = event.clientY - drag.startY;
    apply();
  });
  const endDrag = () => { drag = null; stage.classList.remove('is-dragging'); };
  stage.addEventListener('pointerup', endDrag);
  stage.addEventListener('pointercancel', endDrag);
  stage.addEventListener('dblclick', (event) => (scale > 1 ? fit() : zoomBy(2, event)));

  stage.addEventListener('keydown', (event) => {
    const moves = { ArrowLeft: [PAN, 0], ArrowRight: [-PAN, 0], ArrowUp: [0, PAN], ArrowDown: [0, -PAN] };
    if (moves[event.key] && current) {
      pan(...moves[event.key]);
      event.preventDefault();
      event.stopPropagation(); // arrows here pan; they do not move the worklist
    }
  });

  const button = (text, name, action) => h('button', {
    type: 'button', class: 'button button--secondary button--icon', 'aria-label': `${name}, ${label}`, title: name,
    'aria-controls': `${id}-stage`, onclick: action,
  }, text);
  const controls = h('div', { class: 'viewer__controls', role: 'toolbar', 'aria-label': t('viewer.controls', { label }) },
    button('+', t('viewer.zoomIn'), () => zoomBy(STEP)),
    button('−', t('viewer.zoomOut'), () => zoomBy(1 / STEP)),
    button(t('viewer.fitShort'), t('viewer.fit'), fit),
    button('←', t('viewer.panLeft'), () => pan(PAN, 0)),
    button('→', t('viewer.panRight'), () => pan(-PAN, 0)),
    button('↑', t('viewer.panUp'), () => pan(0, PAN)),
    button('↓', t('viewer.panDown'), () => pan(0, -PAN)),
    status);

  const root = h('figure', { class: 'viewer', id }, stage, controls, caption);

  return {
    root,
    /** Shows `photo` ({url, view, width, height, ...}) with an alt text and a caption node. */
    show(photo, { alt, captionNodes }) {
      current = photo;
      empty.hidden = true;
      image.hidden = false;
      image.alt = alt;
      image.src = photo.url;
      caption.replaceChildren(...captionNodes);
      root.dataset.photo = photo.photoId;
      fit();
    },
    clear(text) {
      current = null;
      image.hidden = true;
      image.removeAttribute('src');
      empty.textContent = text;
      empty.hidden = false;
      caption.replaceChildren();
      delete root.dataset.photo;
      fit();
    },
    zoomBy,
    fit,
    zoom: () => scale,
  };
}
