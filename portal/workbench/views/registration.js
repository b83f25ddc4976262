// The dermatologist's registration number at one clinic (getMyRegistration / setMyRegistration):
// printed under their name on the answer letters the clinic's patients download. Per clinic,
// because registers are per country. Optional; an empty field clears it.

import { api } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { t } from '/shared/i18n.js';

/** A closed "Your registration number at {clinic}" section; loads the number when opened. */
export function registrationForm(app, tenantId, clinicName) {
  const path = `/clinics/${encodeURIComponent(tenantId)}/me/registration`;
  const box = messageBox();
  const number = field({ label: t('registration.label', { clinic: clinicName }), name: 'registration',
    maxlength: 40, autocomplete: 'off', hint: t('registration.hint') });
  const save = submitButton(t('registration.save'), t('registration.saving'));
  save.button.classList.add('button--secondary', 'button--small');
  const form = h('form', { class: 'form', novalidate: true, id: 'registration-form' },
    box.root, number.root, h('div', { class: 'actions' }, save.button));
  const details = h('details', { class: 'card registration', id: 'registration' },
    h('summary', {}, t('registration.title')), form);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    try {
      const mine = await api(path, { identity: app.identity });
      // What the dermatologist typed meanwhile wins over what was stored.
      if (!number.input.value) number.input.value = mine?.registration ?? '';
    } catch (caught) {
      box.error(asPortalError(caught).message);
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    box.clear();
    number.setError(null);
    await save.busyWhile(async () => {
      try {
        const saved = await api(path, { method: 'PUT', identity: app.identity, body: { registration: number.input.value } });
        number.input.value = saved?.registration ?? '';
        box.info(saved?.registration ? t('registration.saved', { registration: saved.registration }) : t('registration.cleared'));
      } catch (caught) {
        if ((caught.errors ?? []).some((e) => e.pointer === '/registration')) {
          number.setError(t('registration.invalid'));
          number.input.focus();
        } else {
          box.error(asPortalError(caught).message);
        }
      }
    });
  });
  return details;
}
