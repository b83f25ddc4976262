// "EHR connection": where the clinic's answered cases go as FHIR R4 records (the tenant setting
// `ehr`, saved with the settings' version) and the credentials DermRelay uses there
// (putEhrCredentials). Credentials are write-only: they live in this form's inputs until saved,
// never in drafts, storage or a URL, and no call ever answers them. Its own English and Spanish
// strings, like ehr-deliveries.js, whose section shows this panel.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { numberField, selectField } from './console-forms.js';
import { conflict } from './views/branding.js';
import { loadSettings, saveSettings, showProblem } from './views/common.js';
import { CONNECTION_STRINGS } from './ehr-connection-text.js';

const BEARER = 'bearer';
const OAUTH = 'oauth2-client-credentials';

function strings() {
  const language = (document.documentElement.lang || 'en').slice(0, 2);
  return CONNECTION_STRINGS[language] ?? CONNECTION_STRINGS.en;
}

/** The panel: loads the clinic's settings, then shows the connection form. */
export function ehrConnectionPanel(app) {
  const t = strings();
  const root = h('section', { 'aria-labelledby': 'ehr-connection-title', id: 'ehr-connection', class: 'ehr-connection' },
    h('h2', { id: 'ehr-connection-title' }, t.title), h('p', { class: 'hint' }, t.loading));
  loadSettings(app)
    .then((settings) => replace(root, h('h2', { id: 'ehr-connection-title' }, t.title), form(app, t, settings)))
    .catch((caught) => {
      const message = messageBox();
      replace(root, h('h2', { id: 'ehr-connection-title' }, t.title), message.root);
      showProblem(caught, { message });
    });
  return root;
}

function form(app, t, settings) {
  let { version, config } = settings;
  const message = messageBox();
  const status = h('p', { class: 'lead', id: 'ehr-connection-status' });
  const f = {
    fhirBaseUrl: field({ label: t.baseUrl, name: 'fhirBaseUrl', type: 'url', autocomplete: 'off', spellcheck: 'false',
      autocapitalize: 'none', hint: t.baseUrlHint }),
    authType: selectField({ label: t.authType, name: 'authType', options: [[OAUTH, t.oauth], [BEARER, t.bearer]] }),
    tokenUrl: field({ label: t.tokenUrl, name: 'tokenUrl', type: 'url', autocomplete: 'off', spellcheck: 'false',
      autocapitalize: 'none', hint: t.tokenUrlHint }),
    scope: field({ label: t.scope, name: 'scope', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none',
      hint: t.scopeHint }),
    mediaMode: selectField({ label: t.media, name: 'mediaMode', hint: t.mediaHint,
      options: [['link', t.mediaLink], ['inline', t.mediaInline], ['omit', t.mediaOmit]] }),
    linkHours: numberField({ label: t.linkHours, name: 'linkHours', min: 1, max: 168, hint: t.linkHoursHint }),
    timeout: numberField({ label: t.timeout, name: 'timeoutSeconds', min: 1, max: 30, hint: t.timeoutHint }),
  };
  // Secrets: no autofill into or out of a password manager, nothing typed is kept elsewhere.
  const secret = { type: 'password', autocomplete: 'new-password', spellcheck: 'false', autocapitalize: 'none' };
  const c = {
    clientId: field({ label: t.clientId, name: 'clientId', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none' }),
    clientSecret: field({ label: t.clientSecret, name: 'clientSecret', ...secret }),
    token: field({ label: t.token, name: 'token', ...secret, hint: t.tokenHint }),
  };
  const explain = {
    fhirBaseUrl: t.urlExplain, tokenUrl: t.urlExplain, scope: t.scopeExplain, linkHours: t.linkHoursExplain,
    timeout: t.timeoutExplain, authType: t.authTypeExplain, mediaMode: t.mediaExplain,
    clientId: t.credentialExplain, clientSecret: t.credentialExplain, token: t.credentialExplain,
  };
  for (const [name, target] of Object.entries({ ...f, ...c })) target.explain = explain[name];
  const byPointer = {
    '/config/ehr': f.fhirBaseUrl, '/config/ehr/fhirBaseUrl': f.fhirBaseUrl, '/config/ehr/auth': f.authType,
    '/config/ehr/auth/type': f.authType, '/config/ehr/auth/tokenUrl': f.tokenUrl, '/config/ehr/auth/scope': f.scope,
    '/config/ehr/media': f.mediaMode, '/config/ehr/media/mode': f.mediaMode, '/config/ehr/media/linkHours': f.linkHours,
    '/config/ehr/timeoutSeconds': f.timeout,
  };
  const credentialPointers = { '/clientId': c.clientId, '/clientSecret': c.clientSecret, '/token': c.token };

  // Whether credentials for the saved auth type are on the server; entering new ones is explicit.
  let stored = config.ehr ? 'kept' : null; // 'kept': the connection existed on load; 'saved': saved here
  let replacing = false;
  const storedNote = h('p', { id: 'ehr-credentials-stored', class: 'hint' });
  const replaceButton = h('button', { type: 'button', class: 'button button--secondary', id: 'ehr-replace-credentials' }, t.replace);
  const keepButton = h('button', { type: 'button', class: 'button button--secondary', id: 'ehr-keep-credentials' }, t.keep);
  const storedBox = h('div', { class: 'actions actions--inline' }, storedNote, replaceButton);
  const entry = h('div', { id: 'ehr-credential-fields', class: 'form' },
    c.clientId.root, c.clientSecret.root, c.token.root, h('div', { class: 'actions actions--inline' }, keepButton));

  const oauthOnly = [f.tokenUrl.root, f.scope.root, c.clientId.root, c.clientSecret.root];
  const sync = () => {
    const oauth = f.authType.input.value === OAUTH;
    for (const node of oauthOnly) node.hidden = !oauth;
    c.token.root.hidden = oauth;
    f.linkHours.root.hidden = f.mediaMode.input.value !== 'link';
    const typeChanged = config.ehr && config.ehr.auth?.type !== f.authType.input.value;
    const asking = !stored || replacing || typeChanged;
    entry.hidden = !asking;
    storedBox.hidden = asking;
    keepButton.hidden = !stored || typeChanged || !replacing;
    storedNote.textContent = stored === 'saved' ? t.credentialsSaved : t.credentialsKept;
  };
  const clearCredentials = () => {
    for (const target of Object.values(c)) { target.input.value = ''; target.setError(null); }
  };
  replaceButton.addEventListener('click', () => { replacing = true; sync(); (f.authType.input.value === OAUTH ? c.clientId : c.token).input.focus(); });
  keepButton.addEventListener('click', () => { replacing = false; clearCredentials(); sync(); replaceButton.focus(); });
  f.authType.input.addEventListener('change', sync);
  f.mediaMode.input.addEventListener('change', sync);

  const disconnect = h('button', { type: 'button', class: 'button button--danger', id: 'ehr-disconnect' }, t.disconnect);
  const dialog = confirmDialog(t);
  const submit = submitButton(t.save, t.saving);
  const show = () => {
    const ehr = config.ehr;
    status.textContent = ehr ? t.connectedTo(ehr.fhirBaseUrl) : t.notConnected;
    fill(f, ehr);
    if (!ehr) stored = null;
    disconnect.hidden = !ehr;
    submit.button.textContent = ehr ? t.save : t.connect;
    sync();
  };

  const save = async () => {
    const wasConnected = Boolean(config.ehr);
    const next = structuredClone(config);
    next.ehr = ehrOf(f);
    const typeChanged = wasConnected && config.ehr.auth?.type !== next.ehr.auth.type;
    const credentials = entry.hidden ? null : credentialsOf(f.authType.input.value, c);
    if (credentials?.missing.length) {
      for (const target of credentials.missing) target.setError(t.credentialRequired);
      message.error(t.fixFields);
      credentials.missing[0].input.focus();
      return;
    }
    try {
      ({ version, config } = await saveSettings(app, version, next));
    } catch (caught) {
      showProblem(caught, { message, fields: byPointer, onConflict: () => conflict(app, message) });
      return;
    }
    if (credentials) {
      try {
        await api(`/clinics/${encodeURIComponent(app.tenantId())}/ehr/credentials`, {
          method: 'PUT', identity: app.identity, body: credentials.body,
        });
        stored = 'saved';
        replacing = false;
        clearCredentials();
      } catch (caught) {
        // The stored ones (if any) are for another sign-in method, or were meant to be replaced.
        if (!wasConnected || typeChanged) stored = null;
        else replacing = true;
        show();
        if (!showProblem(caught, { message, fields: credentialPointers })) message.error(t.credentialsNotSaved);
        return;
      }
    }
    show();
    message.info(wasConnected ? t.saved : t.connected);
    message.root.focus();
  };

  const root = h('form', { class: 'form', novalidate: true, id: 'ehr-connection-form', 'aria-labelledby': 'ehr-connection-title' },
    message.root, status,
    h('fieldset', {}, h('legend', {}, t.endpoint), f.fhirBaseUrl.root, f.timeout.root),
    h('fieldset', {}, h('legend', {}, t.signIn), f.authType.root, f.tokenUrl.root, f.scope.root),
    h('fieldset', {}, h('legend', {}, t.credentials), h('p', { class: 'hint' }, t.credentialsHint), storedBox, entry),
    h('fieldset', {}, h('legend', {}, t.photos), f.mediaMode.root, f.linkHours.root),
    h('div', { class: 'actions actions--inline' }, submit.button, disconnect),
    dialog.root);
  root.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    for (const target of [...Object.values(f), ...Object.values(c)]) target.setError(null);
    await submit.busyWhile(save);
    submit.button.textContent = config.ehr ? t.save : t.connect; // busyWhile puts back the label it was made with
  });
  disconnect.addEventListener('click', () => dialog.ask(async () => {
    message.clear();
    const next = structuredClone(config);
    delete next.ehr;
    try {
      ({ version, config } = await saveSettings(app, version, next));
      replacing = false;
      clearCredentials();
      show();
      message.info(t.disconnected);
      message.root.focus();
    } catch (caught) {
      showProblem(caught, { message, onConflict: () => conflict(app, message) });
    }
  }));
  show();
  return root;
}

function fill(f, ehr) {
  f.fhirBaseUrl.input.value = ehr?.fhirBaseUrl ?? '';
  f.authType.input.value = ehr?.auth?.type ?? OAUTH;
  f.tokenUrl.input.value = ehr?.auth?.tokenUrl ?? '';
  f.scope.input.value = ehr?.auth?.scope ?? '';
  f.mediaMode.input.value = ehr?.media?.mode ?? 'link';
  f.linkHours.input.value = ehr?.media?.linkHours ?? 24;
  f.timeout.input.value = ehr?.timeoutSeconds ?? '';
}

/** The form's `ehr` object; a number that is not one is sent as typed so the API names the field. */
function ehrOf(f) {
  const number = (text) => (/^-?\d+$/.test(text) ? Number(text) : text);
  const value = (target) => target.input.value.trim();
  const auth = { type: f.authType.input.value };
  if (auth.type === OAUTH) {
    auth.tokenUrl = value(f.tokenUrl);
    if (value(f.scope)) auth.scope = value(f.scope);
  }
  const ehr = { fhirBaseUrl: value(f.fhirBaseUrl), auth, media: { mode: f.mediaMode.input.value } };
  if (ehr.media.mode === 'link' && value(f.linkHours)) ehr.media.linkHours = number(value(f.linkHours));
  if (value(f.timeout)) ehr.timeoutSeconds = number(value(f.timeout));
  return ehr;
}

/** The putEhrCredentials body for the auth type, and the fields left empty. Values as typed. */
function credentialsOf(type, c) {
  const wanted = type === OAUTH ? ['clientId', 'clientSecret'] : ['token'];
  const body = {};
  const missing = [];
  for (const name of wanted) {
    if (c[name].input.value === '') missing.push(c[name]);
    else body[name] = c[name].input.value;
  }
  return { body, missing };
}

/** A modal question before disconnecting: native <dialog>, so focus and Escape just work. */
function confirmDialog(t) {
  let action = null;
  const confirm = h('button', { type: 'button', class: 'button button--danger', id: 'confirm-disconnect' }, t.disconnect);
  const cancel = h('button', { type: 'button', class: 'button button--secondary', id: 'cancel-disconnect' }, t.cancel);
  const root = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': 'confirm-disconnect-title',
    'aria-describedby': 'confirm-disconnect-text' },
  h('h2', { id: 'confirm-disconnect-title' }, t.confirmTitle),
  h('p', { id: 'confirm-disconnect-text' }, t.confirmText),
  h('div', { class: 'actions actions--inline' }, cancel, confirm));
  cancel.addEventListener('click', () => root.close());
  confirm.addEventListener('click', async () => {
    root.close();
    await action?.();
  });
  return {
    root,
    ask(onConfirm) {
      action = onConfirm;
      root.showModal();
      cancel.focus();
    },
  };
}
