// Where the skin problem is: a front and a back view of a body whose parts are buttons (click,
// tap, or Tab then Enter), plus a list of every body region for the places a drawing cannot show
// (eyelid, lip, armpit, nails...). Regions and sides are the intake's vocabulary (IntakeRules).

import { h, replace, uid } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

export const BODY_REGIONS = ['scalp', 'face', 'ear', 'eyelid', 'lip', 'mouth', 'neck', 'chest', 'breast',
  'abdomen', 'upper-back', 'lower-back', 'trunk', 'shoulder', 'armpit', 'upper-arm', 'elbow', 'forearm', 'wrist',
  'palm', 'back-of-hand', 'finger', 'fingernail', 'buttock', 'groin', 'genitals', 'hip', 'thigh', 'knee',
  'lower-leg', 'shin', 'calf', 'ankle', 'sole', 'top-of-foot', 'toe', 'toenail'];
export const LATERALITIES = ['left', 'right', 'both', 'midline', 'unsure'];
const MAX_SITES = 10;
const SVG = 'http://www.w3.org/2000/svg';

// Shapes on a 200 x 450 canvas, drawn on the viewer's left; paired parts are mirrored.
// [region, shape, paired]; shape: ['rect', x, y, w, h, r] or ['ellipse', cx, cy, rx, ry].
const LIMBS = [
  ['shoulder', ['ellipse', 62, 97, 16, 11], true],
  ['upper-arm', ['rect', 42, 106, 19, 46, 9], true],
  ['elbow', ['rect', 40, 154, 19, 14, 7], true],
  ['forearm', ['rect', 36, 170, 19, 46, 9], true],
  ['wrist', ['rect', 34, 218, 19, 10, 5], true],
];
const LEGS_UPPER = [
  ['thigh', ['rect', 73, 218, 25, 66, 11], true],
  ['knee', ['rect', 75, 286, 21, 20, 9], true],
];
const LEGS_LOWER = [
  ['ankle', ['rect', 77, 392, 18, 12, 5], true],
];
const FRONT = [
  ['scalp', ['ellipse', 100, 20, 21, 13], false],
  ['face', ['rect', 80, 30, 40, 40, 16], false],
  ['ear', ['rect', 71, 42, 8, 17, 4], true],
  ['neck', ['rect', 88, 72, 24, 14, 5], false],
  ['chest', ['rect', 76, 89, 48, 40, 8], false],
  ['abdomen', ['rect', 78, 131, 44, 47, 8], false],
  ...LIMBS,
  ['palm', ['rect', 31, 230, 22, 24, 9], true],
  ['finger', ['rect', 31, 256, 22, 17, 7], true],
  ['hip', ['rect', 67, 180, 15, 28, 7], true],
  ['groin', ['rect', 84, 180, 32, 16, 6], false],
  ['genitals', ['rect', 92, 198, 16, 15, 6], false],
  ...LEGS_UPPER,
  ['shin', ['rect', 77, 308, 18, 82, 9], true],
  ...LEGS_LOWER,
  ['top-of-foot', ['rect', 72, 406, 25, 22, 9], true],
  ['toe', ['rect', 72, 430, 25, 12, 6], true],
];
const BACK = [
  ['scalp', ['ellipse', 100, 42, 22, 30], false],
  ['neck', ['rect', 88, 74, 24, 12, 5], false],
  ['upper-back', ['rect', 76, 89, 48, 44, 8], false],
  ['lower-back', ['rect', 78, 135, 44, 42, 8], false],
  ...LIMBS,
  ['back-of-hand', ['rect', 31, 230, 22, 24, 9], true],
  ['finger', ['rect', 31, 256, 22, 17, 7], true],
  ['buttock', ['rect', 75, 180, 24, 36, 11], true],
  ...LEGS_UPPER,
  ['calf', ['rect', 77, 308, 18, 82, 9], true],
  ...LEGS_LOWER,
  ['sole', ['rect', 72, 406, 25, 34, 9], true],
];

/**
 * @param sites the body sites chosen so far, [{region, laterality}]
 * @returns {{root, sites(): Array, setError(message|null), focus()}}
 */
export function bodyMap({ sites = [] }) {
  const chosen = sites.map((site) => ({ ...site }));
  const errorId = uid('body-sites-error');
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const list = h('ul', { class: 'site-list', id: 'chosen-sites', 'aria-live': 'polite' });
  const views = { front: view('front', FRONT), back: view('back', BACK) };
  let showing = 'front';
  const flip = h('button', { type: 'button', class: 'button button--secondary button--small', id: 'body-map-flip', onclick: () => show(showing === 'front' ? 'back' : 'front') });
  const picker = regionPicker((region) => add(region, defaultSide(region, null)));

  const root = h('div', { class: 'field body-map', 'data-question': 'bodySites' },
    h('p', { class: 'hint', id: 'body-map-hint' }, t('bodymap.hint')),
    error,
    h('div', { class: 'body-map__stage' }, views.front.root, views.back.root),
    h('div', { class: 'body-map__tools' }, flip),
    picker.root,
    h('h2', { class: 'body-map__chosen-title' }, t('bodymap.chosen')),
    list);
  show('front');
  redraw();

  function show(side) {
    showing = side;
    views.front.root.hidden = side !== 'front';
    views.back.root.hidden = side !== 'back';
    flip.textContent = side === 'front' ? t('bodymap.showBack') : t('bodymap.showFront');
  }

  /** One outline; `front` flips which drawn side is the patient's left. */
  function view(name, parts) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 200 450');
    svg.setAttribute('class', 'body-map__figure');
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', t(`bodymap.${name}`));
    const shapes = [];
    for (const [region, shape, paired] of parts) {
      const sides = paired ? [['drawn', shape], ['mirror', mirror(shape)]] : [['drawn', shape]];
      for (const [which, geometry] of sides) {
        // Front view: the figure faces us, so the part drawn on our left is their right.
        const side = !paired ? null : (name === 'front') === (which === 'drawn') ? 'right' : 'left';
        const element = draw(geometry);
        const label = side ? t('bodymap.sided', { side: t(`side.${side}`), region: t(`region.${region}`) }) : t(`region.${region}`);
        element.setAttribute('class', 'body-map__region');
        element.setAttribute('tabindex', '0');
        element.setAttribute('role', 'button');
        element.setAttribute('aria-label', label);
        element.dataset.region = region;
        element.dataset.side = side ?? 'midline';
        element.dataset.view = name;
        const title = document.createElementNS(SVG, 'title');
        title.textContent = label;
        element.append(title);
        const choose = () => add(region, defaultSide(region, side));
        element.addEventListener('click', choose);
        element.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            choose();
          }
        });
        svg.append(element);
        shapes.push(element);
      }
    }
    return { root: h('div', { class: 'body-map__view', 'data-view': name },
      h('p', { class: 'body-map__caption', 'aria-hidden': 'true' }, t(`bodymap.${name}`)), svg), shapes };
  }

  function add(region, laterality) {
    error.hidden = true;
    const existing = chosen.find((site) => site.region === region);
    if (existing) {
      // Tapping the other side of something already chosen means both sides.
      if (existing.laterality !== laterality && ['left', 'right'].includes(existing.laterality)
          && ['left', 'right'].includes(laterality)) {
        existing.laterality = 'both';
      }
    } else if (chosen.length < MAX_SITES) {
      chosen.push({ region, laterality });
    } else {
      setError(t('bodymap.tooMany', { max: MAX_SITES }));
      return;
    }
    redraw();
  }

  function redraw() {
    for (const shape of [...views.front.shapes, ...views.back.shapes]) {
      const site = chosen.find((s) => s.region === shape.dataset.region);
      const on = Boolean(site) && (site.laterality === 'both' || shape.dataset.side === 'midline'
        || site.laterality === shape.dataset.side || site.laterality === 'midline');
      shape.setAttribute('aria-pressed', String(on));
    }
    replace(list, ...(chosen.length ? chosen.map(siteRow) : [h('li', { class: 'site-list__empty' }, t('bodymap.none'))]));
  }

  function siteRow(site) {
    const id = uid('laterality');
    const select = h('select', { id, name: `laterality-${site.region}`, onchange: () => { site.laterality = select.value; redraw(); } },
      LATERALITIES.map((l) => h('option', { value: l, selected: l === site.laterality }, t(`laterality.${l}`))));
    return h('li', { class: 'site-list__item', 'data-site': site.region },
      h('span', { class: 'site-list__name' }, t(`region.${site.region}`)),
      h('label', { for: id, class: 'visually-hidden' }, t('bodymap.sideOf', { region: t(`region.${site.region}`) })),
      select,
      h('button', { type: 'button', class: 'link-button', onclick: () => {
        chosen.splice(chosen.indexOf(site), 1);
        redraw();
        root.querySelector('#body-map-flip').focus();
      } }, t('common.remove'), h('span', { class: 'visually-hidden' }, ` ${t(`region.${site.region}`)}`)));
  }

  function setError(message) {
    error.hidden = !message;
    error.textContent = message ?? '';
  }

  return {
    root,
    sites: () => chosen.map(({ region, laterality }) => ({ region, laterality })),
    setError,
    focus: () => (showing === 'front' ? views.front : views.back).shapes[0].focus(),
  };
}

/** A select of every region, for the ones the drawing cannot show and for keyboard users. */
function regionPicker(onAdd) {
  const id = uid('region-picker');
  const select = h('select', { id, name: 'region-picker' },
    h('option', { value: '' }, t('bodymap.pick')),
    [...BODY_REGIONS].sort((a, b) => t(`region.${a}`).localeCompare(t(`region.${b}`)))
      .map((region) => h('option', { value: region }, t(`region.${region}`))));
  const button = h('button', { type: 'button', class: 'button button--secondary button--small', id: 'region-picker-add',
    onclick: () => { if (select.value) { onAdd(select.value); select.value = ''; } } }, t('common.add'));
  return { root: h('div', { class: 'field body-map__picker' },
    h('label', { for: id }, t('bodymap.pickLabel')), h('div', { class: 'inline-row' }, select, button)) };
}

/** Parts that come in pairs take the side tapped; the rest sit on the midline. */
function defaultSide(region, side) {
  if (side) return side;
  return ['scalp', 'face', 'neck', 'chest', 'abdomen', 'upper-back', 'lower-back', 'trunk', 'groin', 'genitals', 'lip', 'mouth'].includes(region)
    ? 'midline' : 'both';
}

function mirror(shape) {
  if (shape[0] === 'ellipse') return ['ellipse', 200 - shape[1], shape[2], shape[3], shape[4]];
  return ['rect', 200 - shape[1] - shape[3], shape[2], shape[3], shape[4], shape[5]];
}

function draw(shape) {
  const element = document.createElementNS(SVG, shape[0]);
  const names = shape[0] === 'ellipse' ? ['cx', 'cy', 'rx', 'ry'] : ['x', 'y', 'width', 'height', 'rx'];
  names.forEach((name, i) => element.setAttribute(name, String(shape[i + 1])));
  return element;
}
