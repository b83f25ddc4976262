// The case's photos: this round's on the left viewer, and the same patient's earlier photos
// (earlier rounds of this case, earlier cases at this clinic) on the right viewer, side by side.
// Every photo of the record is fetched ahead once the case opens, so switching never waits.

import { h } from '/shared/dom.js';
import { has, t } from '/shared/i18n.js';
import { dermoscopyPair } from './dermoscopy-pair.js';
import { photoViewer } from './photo-viewer.js';
import { dateText } from './case-history.js';

/** A photo view's name (close_up, context...) in the page's language. */
export const viewWords = (view) => (has(`photoView.${view}`) ? t(`photoView.${view}`) : String(view));

/** `faceFree`: the face-free mark ({root, show(photo)}) that follows this round's viewer, if any. */
export function photoPanel(review, { faceFree = null } = {}) {
  const groups = photoGroups(review);
  const current = groups.filter((g) => g.current);
  const earlier = groups.filter((g) => !g.current);
  const main = photoViewer({ id: 'viewer-current', label: t('photos.currentViewer') });
  const compare = photoViewer({ id: 'viewer-compare', label: t('photos.earlierViewer') });
  let active = main;

  const pick = (viewer, group, photo, button) => {
    viewer.show(photo, {
      alt: t('photos.alt', { view: viewWords(photo.view), group: group.title }),
      captionNodes: caption(group, photo),
    });
    if (viewer === main) faceFree?.show(photo);
    const list = viewer === main ? currentList : earlierList;
    for (const b of list.querySelectorAll('button[aria-pressed]')) b.setAttribute('aria-pressed', String(b === button));
    active = viewer;
  };

  const strip = (which, viewer) => which.map((group) => h('li', { class: 'photo-group' },
    h('p', { class: 'photo-group__title' }, group.title),
    h('ul', { class: 'thumbs' }, group.photos.map((photo) => {
      const button = h('button', {
        type: 'button', class: 'thumb-button', 'aria-pressed': 'false', 'data-photo': photo.photoId,
        onclick: () => pick(viewer, group, photo, button),
      },
      h('img', { src: photo.thumbnailUrl ?? photo.url, alt: '', width: 72, height: 72,
        // No thumbnail made: the photo itself, scaled down.
        onerror: (event) => { if (event.target.src !== photo.url) event.target.src = photo.url; } }),
      h('span', {}, photo.kept ? t('photos.kept', { view: viewWords(photo.view) }) : viewWords(photo.view)));
      return h('li', {}, button);
    }))));
  const currentList = h('ul', { class: 'photo-groups', 'aria-label': t('photos.currentList') }, strip(current, main));
  const earlierList = h('ul', { class: 'photo-groups', 'aria-label': t('photos.earlierList') }, strip(earlier, compare));

  // Start with the first photo of this round, and the earlier photo of the same view if any.
  const first = current[0]?.photos[0];
  if (first) currentList.querySelector('button').click();
  else main.clear(t('photos.noneThisRound'));
  const sameView = earlier.flatMap((g) => g.photos.map((p) => [g, p])).find(([, p]) => p.view === first?.view);
  if (sameView) earlierList.querySelector(`button[data-photo="${CSS.escape(sameView[1].photoId)}"]`).click();
  else compare.clear(earlier.length ? t('photos.chooseEarlier') : t('photos.noneEarlier'));
  active = main;

  // Into the browser cache now: presigned links last minutes, the case stays open longer.
  for (const group of groups) {
    for (const photo of group.photos) {
      const image = new Image();
      image.decoding = 'async';
      image.src = photo.url;
    }
  }

  /** Presses the thumbnail `delta` away from the chosen one in `list` (wrapping); false if none. */
  function stepIn(list, delta) {
    const buttons = [...list.querySelectorAll('button[data-photo]')];
    if (!buttons.length) return false;
    const at = buttons.findIndex((b) => b.getAttribute('aria-pressed') === 'true');
    buttons[(at + delta + buttons.length) % buttons.length].click();
    return true;
  }

  const root = h('section', { class: 'photo-panel', 'aria-labelledby': 'photos-title', id: 'photos' },
    h('h2', { id: 'photos-title' }, t('photos.title')),
    h('div', { class: 'viewers' },
      h('div', { class: 'viewer-column' }, h('h3', {}, t('photos.thisRound')), main.root, faceFree?.root ?? null, currentList),
      h('div', { class: 'viewer-column' }, h('h3', {}, t('photos.earlierTitle')), compare.root,
        earlier.length ? earlierList : null)),
    dermoscopyPair(current.flatMap((g) => g.photos)));
  return {
    root,
    /** Keys from the page: zoom the photo last chosen. */
    zoomBy: (factor) => active.zoomBy(factor),
    fit: () => active.fit(),
    /** `]` / `[`: the next or previous photo of this round, from the keyboard. */
    step: (delta) => stepIn(currentList, delta),
    /** `e`: the next earlier photo into the comparison viewer. */
    compareNext: () => stepIn(earlierList, 1),
  };
}

function photoGroups(review) {
  const groups = [];
  const rounds = [...(review.rounds ?? [])].sort((a, b) => b.round - a.round);
  for (const round of rounds) {
    if (!round.photos?.length) continue;
    const kind = has(`photos.kind.${round.kind}`) ? t(`photos.kind.${round.kind}`) : round.kind;
    groups.push({
      current: round.round === review.round,
      title: `${round.round === review.round ? t('photos.thisRound') : t('history.roundTitle', { round: round.round })}, ${kind}, ${dateText(round.at)}`,
      photos: round.photos,
    });
  }
  for (const earlier of review.earlierCases ?? []) {
    if (!earlier.photos?.length) continue;
    const diagnosis = earlier.diagnosis?.name ? `, ${earlier.diagnosis.name}` : '';
    groups.push({
      current: false,
      title: `${t('photos.earlierCase', { date: dateText(earlier.submittedAt) })}${diagnosis}`,
      photos: earlier.photos,
    });
  }
  return groups;
}

function caption(group, photo) {
  const nodes = [h('strong', {}, viewWords(photo.view)), ` · ${group.title}`];
  if (photo.width && photo.height) nodes.push(` · ${photo.width}×${photo.height}`);
  const advice = (photo.findings ?? []).filter((f) => f.verdict && f.verdict !== 'ok');
  if (photo.kept && advice.length) nodes.push(h('span', { class: 'photo-advice' },
    ` · ${t('photos.keptDespite', { findings: advice.map((f) => (has(`finding.${f.code}`) ? t(`finding.${f.code}`) : f.code.replace(/_/g, ' '))).join(', ') })}`));
  return nodes;
}
