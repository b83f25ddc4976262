// One case: the claim bar (who holds it, until when), the history on one side, the photos on the
// other, and the answer form or a question for the patient. A claim is a 15-minute lease: it
// renews itself while the dermatologist works, and running out (or losing it) is shown, never
// silent; the draft is kept either way.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { field, messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { siteText } from '../clinical-words.js';
import { casePath, dueText } from '../worklist-state.js';
import { caseHistory } from './case-history.js';
import { photoPanel } from './photo-panel.js';
import { faceFreeMark } from './face-free.js';
import { answerForm } from './answer-form.js';
import { loadFailed, loading } from './problems.js';
import { registrationForm } from './registration.js';

/** Renew the lease when this little is left and the dermatologist did something lately. */
const RENEW_WHEN_LEFT_MS = 5 * 60 * 1000;
const ACTIVE_WITHIN_MS = 5 * 60 * 1000;

export function caseView(app, { tenantId, caseId }, flash) {
  app.setPage(t('case.page'));
  const list = app.worklist;
  const reviewPath = casePath(tenantId, caseId);
  const exchangePath = `/clinics/${encodeURIComponent(tenantId)}/cases/${encodeURIComponent(caseId)}`;
  const message = messageBox();
  if (flash?.kind === 'error') message.error(flash.text);
  else if (flash) message.info(flash.text);
  const claimBar = h('div', { class: 'claim-bar', id: 'claim-bar', role: 'status' });
  const body = h('div', { class: 'case-body' }, loading(t('case.opening')));
  const title = h('h1', { id: 'page-title', tabindex: '-1' }, t('case.page'));
  const due = h('span', { class: 'due', id: 'case-due' });
  let review = null;
  let claim = { state: 'none', until: null, byName: null };
  let lastActivity = Date.now();
  let renewing = null;
  let photos = null;
  let form = null;
  let dueAt = 0;

  async function load() {
    replace(body, loading(t('case.opening')));
    // Opening is the audited read, always; a prefetched copy only lets the page show at once.
    const opening = api(reviewPath, { identity: app.identity });
    const ahead = list.takePrefetched(tenantId, caseId);
    if (ahead) {
      opening.then((fresh) => { claim = fresh.claim ?? claim; drawClaim(); }).catch((caught) => {
        message.error(asPortalError(caught).message);
      });
    }
    try {
      review = ahead ?? await opening;
    } catch (caught) {
      const error = asPortalError(caught);
      if (error.kind === 'not-found') {
        replace(body, h('div', { class: 'card', id: 'case-missing' },
          h('p', {}, t('case.missing')),
          h('a', { href: '#', class: 'button button--secondary button--small' }, t('case.backToWorklist'))));
      } else {
        replace(body, loadFailed(caught, load));
      }
      return;
    }
    app.setPage(t('case.pageOf', { clinic: review.clinicName }));
    title.textContent = `${review.clinicName}: ${(review.intake?.bodySites ?? []).map(siteText).join(', ') || t('case.word')}`;
    claim = review.claim ?? claim;
    dueAt = performance.now() + review.secondsUntilDue * 1000;
    photos = photoPanel(review, { faceFree: faceFreeMark(app, exchangePath) });
    form = answerForm(app, {
      path: exchangePath,
      onActivity: activity,
      ensureClaim,
      onConflict: claimLost,
      onSent: () => finished(t('case.answerSent')),
    });
    replace(body,
      h('div', { class: 'case-columns' },
        h('div', { class: 'case-column case-column--history' }, caseHistory(review)),
        h('div', { class: 'case-column case-column--photos' }, photos.root)),
      h('div', { class: 'case-columns case-columns--answer' },
        h('div', { class: 'case-column' }, form.root),
        h('div', { class: 'case-column' }, askForm(), registrationForm(app, tenantId, review.clinicName))));
    drawClaim();
    list.prefetchCase(list.nextAfter(tenantId, caseId));
    try {
      await form.load();
    } catch (caught) {
      message.error(t('case.draftNotLoaded', { reason: asPortalError(caught).message }));
    }
  }

  function drawClaim() {
    const left = claim.until ? new Date(claim.until).getTime() - Date.now() : 0;
    const until = claim.until ? new Date(claim.until).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }) : '';
    claimBar.dataset.claim = claim.state === 'mine' && left <= 0 ? 'expired' : claim.state;
    if (claim.state === 'mine' && left > 0) {
      replace(claimBar,
        h('p', {}, h('strong', {}, t('claim.mine')), ` ${t('claim.mineUntil', { until })}`),
        h('button', { type: 'button', class: 'button button--secondary button--small', id: 'release-claim', onclick: release }, t('claim.release')));
    } else if (claim.state === 'mine') {
      replace(claimBar,
        h('p', {}, h('strong', {}, t('claim.expired')), ` ${t('claim.expiredText')}`),
        h('button', { type: 'button', class: 'button button--small', id: 'claim-case', onclick: () => takeClaim() }, t('claim.again')));
    } else if (claim.state === 'other') {
      replace(claimBar,
        h('p', {}, h('strong', {}, t('claim.other', { who: claim.byName ?? t('claim.someone') })), until ? ` ${t('claim.otherUntil', { until })}` : '.',
          ` ${t('claim.otherText')}`));
    } else {
      replace(claimBar,
        h('p', {}, h('strong', {}, t('claim.none')), ` ${t('claim.noneText')}`),
        h('button', { type: 'button', class: 'button button--small', id: 'claim-case', onclick: () => takeClaim() }, t('claim.take')));
    }
  }

  async function takeClaim({ quiet = false } = {}) {
    try {
      const result = await list.claim(tenantId, caseId);
      claim = { state: 'mine', until: result.claimedUntil, byName: null };
      drawClaim();
      return true;
    } catch (caught) {
      const error = asPortalError(caught);
      if (error.kind === 'conflict') {
        await claimLost();
      } else if (!quiet && error.kind !== 'session-expired') {
        message.error(error.message);
        message.root.focus();
      }
      return false;
    }
  }

  function activity() {
    lastActivity = Date.now();
  }

  /** The answer and the question need the claim: take it first if the case is free. */
  async function ensureClaim() {
    const left = claim.until ? new Date(claim.until).getTime() - Date.now() : 0;
    if (claim.state === 'mine' && left > 30_000) return true;
    return takeClaim();
  }

  /** A 409: read who holds the case now and say so; the draft was saved meanwhile. */
  async function claimLost() {
    const hadClaim = claim.state === 'mine';
    try {
      const now = await api(reviewPath, { identity: app.identity });
      claim = now.claim ?? { state: 'none' };
      const who = claim.byName ?? t('claim.someone');
      if (now.status && now.status !== review.status && claim.state !== 'other') {
        message.error(t('case.changed'));
      } else if (claim.state === 'other') {
        message.error(hadClaim
          ? t('case.lostAfter', { who })
          : t('case.lostNow', { who }));
      } else {
        message.error(t('case.claimRanOut'));
      }
    } catch (e) {
      message.error(t('case.claimGone'));
    }
    drawClaim();
    message.root.focus();
  }

  async function release() {
    try {
      await form?.flush();
      await list.release(tenantId, caseId);
      app.go('', { flash: { kind: 'info', text: t('case.released') } });
    } catch (caught) {
      if (asPortalError(caught).kind === 'conflict') claimLost();
      else message.error(asPortalError(caught).message);
    }
  }

  function askForm() {
    const box = messageBox();
    const question = field({ label: t('ask.label'), name: 'question', tag: 'textarea', rows: 4, maxlength: 2000,
      hint: t('ask.hint') });
    // A retake asked for by the reader: the patient is asked for photos first, and the clinic's
    // quality figures count it (docs/quality.md).
    const newPhotos = field({ label: t('ask.newPhotos'), name: 'newPhotos', type: 'checkbox', hint: t('ask.newPhotosHint') });
    const ask = h('button', { type: 'submit', class: 'button button--secondary', id: 'ask-patient' }, t('ask.submit'));
    const ask_form = h('form', { class: 'form card', novalidate: true, id: 'ask-form', 'aria-labelledby': 'ask-title' },
      h('h2', { id: 'ask-title' }, t('ask.title')), box.root, question.root, newPhotos.root,
      h('div', { class: 'actions' }, ask));
    question.input.addEventListener('input', activity);
    ask_form.addEventListener('submit', async (event) => {
      event.preventDefault();
      box.clear();
      question.setError(null);
      if (!question.input.value.trim()) {
        question.setError(t('ask.missing'));
        question.input.focus();
        return;
      }
      if (!(await ensureClaim())) return;
      try {
        await api(`${exchangePath}/info-requests`, { method: 'POST', identity: app.identity, body: {
          question: question.input.value.trim(), ...(newPhotos.input.checked ? { newPhotos: true } : {}) } });
        finished(t('ask.sent'));
      } catch (caught) {
        const error = asPortalError(caught);
        if (error.kind === 'conflict') claimLost();
        else if ((caught.errors ?? []).some((e) => e.pointer === '/question')) {
          question.setError(t('form.invalid', { detail: caught.errors.find((e) => e.pointer === '/question').detail }));
          question.input.focus();
        } else if (error.kind !== 'session-expired') { box.error(error.message); box.root.focus(); }
      }
    });
    return ask_form;
  }

  /** Answered or asked: the next case if there is one, else the worklist. */
  function finished(text) {
    const next = list.nextAfter(tenantId, caseId);
    list.rows = list.rows.filter((r) => !(r.tenantId === tenantId && r.caseId === caseId));
    if (next) app.go(`case/${next.tenantId}/${next.caseId}`, { flash: { kind: 'info', text: t('case.nextFlash', { text }) } });
    else app.go('', { flash: { kind: 'info', text } });
  }

  async function nextCase() {
    await form?.flush();
    if (!list.loaded) await list.reload().catch(() => {});
    const next = list.nextAfter(tenantId, caseId);
    if (next) app.go(`case/${next.tenantId}/${next.caseId}`);
    else app.go('', { flash: { kind: 'info', text: t('case.lastOne') } });
  }

  function tick() {
    if (review) {
      const left = (dueAt - performance.now()) / 1000;
      due.textContent = dueText(left);
      due.classList.toggle('due--overdue', left < 0);
    }
    if (claim.state !== 'mine' || !claim.until) return;
    const left = new Date(claim.until).getTime() - Date.now();
    if (left <= 0 && claimBar.dataset.claim !== 'expired') drawClaim();
    if (left > 0 && left < RENEW_WHEN_LEFT_MS && Date.now() - lastActivity < ACTIVE_WITHIN_MS && !renewing) {
      renewing = takeClaim({ quiet: true }).finally(() => { renewing = null; });
    }
  }

  const timer = setInterval(tick, 1000);
  // Coming back online: the draft waiting to be saved goes now.
  const online = () => form?.flush();
  window.addEventListener('online', online);
  app.mount({
    dispose: () => { clearInterval(timer); window.removeEventListener('online', online); form?.flush(); },
    onKey(event) {
      activity();
      switch (event.key) {
        case 'submit': form?.submit(); return Boolean(form);
        case '+': case '=': photos?.zoomBy(1.25); return Boolean(photos);
        case '-': photos?.zoomBy(0.8); return Boolean(photos);
        case '0': photos?.fit(); return Boolean(photos);
        case ']': return Boolean(photos?.step(1));
        case '[': return Boolean(photos?.step(-1));
        case 'e': return Boolean(photos?.compareNext());
        case 'd': form?.focusDiagnosis(); return Boolean(form);
        case 'c': if (claim.state !== 'mine') takeClaim(); return true;
        case 'n': nextCase(); return true;
        case 'Escape': app.go(''); return true;
        default: return false;
      }
    },
  });
  load().then(tick);

  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-wide', id: 'case-view', 'data-case': caseId },
    h('nav', { class: 'breadcrumb', 'aria-label': t('case.breadcrumb') }, h('a', { href: '#' }, t('case.toWorklist')),
      h('button', { type: 'button', class: 'link-button', id: 'next-case', 'aria-keyshortcuts': 'n', onclick: nextCase }, t('case.next'))),
    h('div', { class: 'wb-titlebar' }, title, h('p', { class: 'case-due' }, t('case.due'), ' ', due)),
    claimBar,
    message.root,
    body);
}
