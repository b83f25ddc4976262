// The pages every case has after the spot or rash page: how it feels (symptoms, and whether it is
// red, hot or swollen), the patient's health (skin cancer before, in the family, the immune
// system, pregnancy, skin type) and medicines.

import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';
import { skinTone, skinTypeScale } from '../illustrations.js';
import { choiceGroup, textArea, yesNo } from '../widgets.js';
import { answersOf, pointersOf, question, requireAnswers, wizardPage } from './intake-wizard.js';

export function symptomsPage(app, section, aCase) {
  const ask = (options) => question(aCase, options);
  const symptoms = [
    ask({ pointer: '/intake/symptoms/itch', kind: 'yes-no', legend: t('intake.symptoms.itch') }),
    ask({ pointer: '/intake/symptoms/pain', kind: 'yes-no', legend: t('intake.symptoms.pain') }),
    ask({ pointer: '/intake/symptoms/bleeding', kind: 'yes-no', legend: t('intake.symptoms.bleeding') }),
    ask({ pointer: '/intake/symptoms/oozingOrCrusting', kind: 'yes-no', legend: t('intake.symptoms.oozingOrCrusting') }),
    ask({ pointer: '/intake/symptoms/sensationChange', kind: 'yes-no', legend: t('intake.symptoms.sensationChange') }),
  ];
  const inflammation = ask({ pointer: '/intake/inflammation', kind: 'answer', legend: t('intake.inflammation.legend'),
    hint: t('intake.inflammation.hint') });
  const questions = [...symptoms, inflammation];
  wizardPage(app, section, aCase, 'symptoms', {
    title: t('intake.symptoms.title'),
    fields: [h('h2', {}, t('intake.symptoms.heading')), symptoms.map((q) => q.root), inflammation.root],
    pointers: pointersOf(questions),
    collect: () => (requireAnswers(questions.map((q) => [q, true])) ? { intake: answersOf(questions) } : null),
  });
}

export function healthPage(app, section, aCase) {
  const a = aCase.intake ?? {};
  const ask = (options) => question(aCase, options);
  const questions = [
    ask({ pointer: '/intake/personalSkinCancerHistory', kind: 'answer', legend: t('intake.health.personal') }),
    ask({ pointer: '/intake/familySkinCancerHistory', kind: 'answer', legend: t('intake.health.family') }),
    ask({ pointer: '/intake/immunosuppressed', kind: 'answer', legend: t('intake.health.immuno'), hint: t('intake.health.immunoHint') }),
    ask({ pointer: '/intake/pregnancy', kind: 'choice', legend: t('intake.health.pregnancy'),
      options: ['no', 'yes', 'unsure', 'not-applicable'], labels: 'intake.pregnancy' }),
  ];
  const skin = choiceGroup({ name: 'fitzpatrickType', legend: t('intake.skin.legend'), hint: t('intake.skin.hint'), value: a.fitzpatrickType,
    options: [1, 2, 3, 4, 5, 6].map((v) => ({ value: String(v), label: t(`intake.skin.${v}`), before: skinTone(v) })) });
  // The scale goes under the question's hint: what the six answers look like, lightest first.
  skin.root.querySelector('.choices').before(skinTypeScale());
  wizardPage(app, section, aCase, 'health', {
    title: t('intake.health.title'),
    fields: [questions.map((q) => q.root), skin.root],
    pointers: { ...pointersOf(questions), '/intake/fitzpatrickType': skin },
    collect() {
      if (!requireAnswers(questions.map((q) => [q, true]))) return null;
      return { intake: { ...answersOf(questions), fitzpatrickType: skin.value() ? Number(skin.value()) : null } };
    },
  });
}

export function medicinesPage(app, section, aCase) {
  const a = aCase.intake ?? {};
  const parts = ['medicines', 'allergies', 'treatmentsTried'].map((name) => {
    const known = typeof a[name] === 'string';
    const any = yesNo({ name: `has-${name}`, legend: t(`intake.${name}.question`), value: known ? a[name] !== '' : undefined });
    const details = textArea({ name, label: t(`intake.${name}.details`), hint: t(`intake.${name}.hint`), value: a[name], maxlength: 2000, rows: 3 });
    const toggle = () => { details.root.hidden = any.value() !== true; };
    any.root.addEventListener('change', toggle);
    toggle();
    return { name, any, details };
  });
  wizardPage(app, section, aCase, 'medicines', {
    title: t('intake.medicines.title'),
    fields: parts.map((p) => [p.any.root, p.details.root]),
    pointers: { '/intake/medicines': parts[0].any, '/intake/allergies': parts[1].any, '/intake/treatmentsTried': parts[2].any },
    collect() {
      if (!requireAnswers(parts.map((p) => [p.any, true]))) return null;
      const missing = parts.find((p) => p.any.value() && !p.details.value());
      parts.forEach((p) => p.details.setError(null));
      if (missing) {
        missing.details.setError(t('intake.medicines.detailsNeeded'));
        missing.details.focus();
        return null;
      }
      return { intake: Object.fromEntries(parts.map((p) => [p.name, p.any.value() ? p.details.value() : ''])) };
    },
  });
}
