// Pieces the console's views share: flash messages, loading the clinic's settings, saving them
// with their version, and showing the API's per-field problems next to the fields.

import { api } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { t } from '/shared/i18n.js';
import { TEXT } from '../text.js';

export function showFlash(box, flash) {
  if (!flash) return;
  if (flash.kind === 'error') box.error(flash.text);
  else box.info(flash.text);
}

/** GET the clinic's whole configuration: {version, config}. */
export function loadSettings(app) {
  return api(`/clinics/${encodeURIComponent(app.tenantId())}/settings`, { identity: app.identity });
}

/** PUT the whole configuration, conditioned on the version read. */
export function saveSettings(app, version, config) {
  return api(`/clinics/${encodeURIComponent(app.tenantId())}/settings`, {
    method: 'PUT', identity: app.identity, body: { version, config },
  });
}

/**
 * Shows an API refusal on a form: each `errors` pointer on its field (pointers are keys of
 * `fields`), the rest in the message box. Returns true if a field took an error.
 * Expired sessions are handled by the app (back to sign-in); nothing is shown here.
 */
export function showProblem(caught, { message, fields = {}, onConflict }) {
  const error = asPortalError(caught);
  if (error.kind === 'session-expired') return false;
  if (error.kind === 'network') {
    message.error(TEXT.offline);
    message.root.focus();
    return false;
  }
  if (error.kind === 'conflict' && onConflict) {
    onConflict(error);
    return false;
  }
  const pointers = Array.isArray(caught?.errors) ? caught.errors : [];
  let first = null;
  const unplaced = [];
  for (const { pointer, detail } of pointers) {
    const target = fields[pointer];
    if (target) {
      target.setError(target.explain ?? fieldMessage(detail));
      first ??= target;
    } else {
      unplaced.push(pointer);
    }
  }
  if (first) {
    message.error(TEXT.fixFields);
    first.input.focus();
    return true;
  }
  message.error(unplaced.length
    ? `${error.message} (${unplaced.map((p) => p.replace(/^\/config\//, '')).join(', ')})`
    : error.message);
  message.root.focus();
  return false;
}

function fieldMessage(detail) {
  return typeof detail === 'string' && detail ? t('form.invalid', { detail }) : t('form.check');
}

/** A section heading with its lead paragraph. */
export function sectionHeader(title, lead) {
  return [h('h1', { id: 'page-title', tabindex: '-1' }, title), lead ? h('p', { class: 'lead' }, lead) : null];
}

/** The form's values and the last version read, for a section that edits the configuration. */
export function editorState(app, section, settings) {
  const draft = app.drafts[section];
  const restored = Boolean(draft && draft.version === settings.version);
  if (!restored) delete app.drafts[section];
  return { restored, values: restored ? draft.values : null };
}
