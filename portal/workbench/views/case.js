// One case: the claim bar (who holds it, until when), the history on one side, the photos on the
// other, and the answer form or a question for the patient. A claim is a 15-minute lease: it
// renews itself while the dermatologist works, and running out (or losing it) is shown, never
// silent; the draft is kept either way.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { field, messageBox } from '/shared/forms.js';
import { casePath, dueText } from '../worklist-state.js';
import { caseHistory } from './case-history.js';
import { photoPanel } from './photo-panel.js';
import { answerForm } from './answer-form.js';
import { loadFailed, loading } from './problems.js';

/** Renew the lease when this little is left and the dermatologist did something lately. */
const RENEW_WHEN_LEFT_MS = 5 * 60 * 1000;
const ACTIVE_WITHIN_MS = 5 * 60 * 1000;

export function caseView(app, { tenantId, caseId }, flash) {
  app.setPage('Case');
  const list = app.worklist;
  const reviewPath = casePath(tenantId, caseId);
  const exchangePath = `/clinics/${encodeURIComponent(tenantId)}/cases/${encodeURIComponent(caseId)}`;
  const message = messageBox();
  if (flash?.kind === 'error') message.error(flash.text);
  else if (flash) message.info(flash.text);
  const claimBar = h('div', { class: 'claim-bar', id: 'claim-bar', role: 'status' });
  const body = h('div', { class: 'case-body' }, loading('Opening the case…'));
  const title = h('h1', { id: 'page-title', tabindex: '-1' }, 'Case');
  const due = h('span', { class: 'due', id: 'case-due' });
  let review = null;
  let claim = { state: 'none', until: null, byName: null };
  let lastActivity = Date.now();
  let renewing = null;
  let photos = null;
  let form = null;
  let dueAt = 0;

  async function load() {
    replace(body, loading('Opening the case…'));
    try {
      review = await api(reviewPath, { identity: app.identity });
    } catch (caught) {
      const error = asPortalError(caught);
      if (error.kind === 'not-found') {
        replace(body, h('div', { class: 'card', id: 'case-missing' },
          h('p', {}, 'This case isn’t in any of your clinics, or it no longer exists.'),
          h('a', { href: '#', class: 'button button--secondary button--small' }, 'Back to the worklist')));
      } else {
        replace(body, loadFailed(caught, load));
      }
      return;
    }
    app.setPage(`${review.clinicName} case`);
    title.textContent = `${review.clinicName}: ${(review.intake?.bodySites ?? []).map((s) => s.region.replace(/_/g, ' ')).join(', ') || 'case'}`;
    claim = review.claim ?? claim;
    dueAt = performance.now() + review.secondsUntilDue * 1000;
    photos = photoPanel(review);
    form = answerForm(app, {
      path: exchangePath,
      onActivity: activity,
      ensureClaim,
      onConflict: claimLost,
      onSent: () => finished('Answer sent. The patient is told their answer is ready.'),
    });
    replace(body,
      h('div', { class: 'case-columns' },
        h('div', { class: 'case-column case-column--history' }, caseHistory(review)),
        h('div', { class: 'case-column case-column--photos' }, photos.root)),
      h('div', { class: 'case-columns case-columns--answer' },
        h('div', { class: 'case-column' }, form.root),
        h('div', { class: 'case-column' }, askForm())));
    drawClaim();
    try {
      await form.load();
    } catch (caught) {
      message.error(`Your saved draft didn’t load. ${asPortalError(caught).message}`);
    }
  }

  function drawClaim() {
    const left = claim.until ? new Date(claim.until).getTime() - Date.now() : 0;
    const until = claim.until ? new Date(claim.until).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }) : '';
    claimBar.dataset.claim = claim.state === 'mine' && left <= 0 ? 'expired' : claim.state;
    if (claim.state === 'mine' && left > 0) {
      replace(claimBar,
        h('p', {}, h('strong', {}, 'You’re reviewing this case.'), ` Your claim holds until ${until}; it renews itself while you work.`),
        h('button', { type: 'button', class: 'button button--secondary button--small', id: 'release-claim', onclick: release }, 'Give back to the queue'));
    } else if (claim.state === 'mine') {
      replace(claimBar,
        h('p', {}, h('strong', {}, 'Your claim ran out.'), ' Another dermatologist may take the case now. Your draft is kept; claim again to send it.'),
        h('button', { type: 'button', class: 'button button--small', id: 'claim-case', onclick: () => takeClaim() }, 'Claim again'));
    } else if (claim.state === 'other') {
      replace(claimBar,
        h('p', {}, h('strong', {}, `${claim.byName ?? 'Another dermatologist'} is reviewing this case`), until ? ` (claim until ${until}).` : '.',
          ' You can read it and prepare a draft; you can send once it is free.'));
    } else {
      replace(claimBar,
        h('p', {}, h('strong', {}, 'Nobody is reviewing this case yet.'), ' Claim it to answer; your claim lasts 15 minutes and renews while you work.'),
        h('button', { type: 'button', class: 'button button--small', id: 'claim-case', onclick: () => takeClaim() }, 'Claim (c)'));
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
      const who = claim.byName ?? 'Another dermatologist';
      if (now.status && now.status !== review.status && claim.state !== 'other') {
        message.error('This case changed meanwhile (it was answered or sent back to the patient). Nothing was sent from here.');
      } else if (claim.state === 'other') {
        message.error(hadClaim
          ? `${who} claimed this case after your claim ran out. Nothing was sent; your draft is kept.`
          : `${who} claimed this case a moment ago. Nothing was sent; your draft is kept.`);
      } else {
        message.error('Your claim on this case ran out, so nothing was sent. Your draft is kept: claim again to send it.');
      }
    } catch (e) {
      message.error('Your claim on this case is gone, so nothing was sent. Your draft is kept.');
    }
    drawClaim();
    message.root.focus();
  }

  async function release() {
    try {
      await form?.flush();
      await list.release(tenantId, caseId);
      app.go('', { flash: { kind: 'info', text: 'The case is back in the queue. Your draft is kept.' } });
    } catch (caught) {
      if (asPortalError(caught).kind === 'conflict') claimLost();
      else message.error(asPortalError(caught).message);
    }
  }

  function askForm() {
    const box = messageBox();
    const question = field({ label: 'Question for the patient', name: 'question', tag: 'textarea', rows: 4, maxlength: 2000,
      hint: 'Instead of answering now: the patient is notified and can reply with text and new photos. The case then comes back to you first.' });
    const ask = h('button', { type: 'submit', class: 'button button--secondary', id: 'ask-patient' }, 'Ask the patient');
    const ask_form = h('form', { class: 'form card', novalidate: true, id: 'ask-form', 'aria-labelledby': 'ask-title' },
      h('h2', { id: 'ask-title' }, 'Need more information?'), box.root, question.root, h('div', { class: 'actions' }, ask));
    question.input.addEventListener('input', activity);
    ask_form.addEventListener('submit', async (event) => {
      event.preventDefault();
      box.clear();
      question.setError(null);
      if (!question.input.value.trim()) {
        question.setError('Write the question the patient should answer.');
        question.input.focus();
        return;
      }
      if (!(await ensureClaim())) return;
      try {
        await api(`${exchangePath}/info-requests`, { method: 'POST', identity: app.identity, body: { question: question.input.value.trim() } });
        finished('Question sent. The case comes back to you when the patient replies.');
      } catch (caught) {
        const error = asPortalError(caught);
        if (error.kind === 'conflict') claimLost();
        else if ((caught.errors ?? []).some((e) => e.pointer === '/question')) {
          question.setError(`This ${caught.errors.find((e) => e.pointer === '/question').detail}.`);
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
    if (next) app.go(`case/${next.tenantId}/${next.caseId}`, { flash: { kind: 'info', text: `${text} This is the next case.` } });
    else app.go('', { flash: { kind: 'info', text } });
  }

  async function nextCase() {
    await form?.flush();
    if (!list.loaded) await list.reload().catch(() => {});
    const next = list.nextAfter(tenantId, caseId);
    if (next) app.go(`case/${next.tenantId}/${next.caseId}`);
    else app.go('', { flash: { kind: 'info', text: 'That was the last case on your list.' } });
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
        case 'c': if (claim.state !== 'mine') takeClaim(); return true;
        case 'n': nextCase(); return true;
        case 'Escape': app.go(''); return true;
        default: return false;
      }
    },
  });
  load().then(tick);

  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-wide', id: 'case-view', 'data-case': caseId },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#' }, '← Worklist'),
      h('button', { type: 'button', class: 'link-button', id: 'next-case', 'aria-keyshortcuts': 'n', onclick: nextCase }, 'Next case (n)')),
    h('div', { class: 'wb-titlebar' }, title, h('p', { class: 'case-due' }, 'Time to answer: ', due)),
    claimBar,
    message.root,
    body);
}
