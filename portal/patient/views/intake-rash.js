// The rash page (a rash, or an area of skin that looks or feels different): how much of the body,
// and the signs that turn a rash into an emergency or an urgent case: spreading fast, blisters,
// skin peeling off, a swollen face or lips, fever, feeling unwell, a new medicine before it began.

import { t } from '/shared/i18n.js';
import { answersOf, pointersOf, question, requireAnswers, wizardPage } from './intake-wizard.js';

export function rashPage(app, section, aCase) {
  const ask = (options) => question(aCase, options);
  const questions = [
    ask({ pointer: '/intake/rashExtent', kind: 'choice', legend: t('intake.rashExtent.legend'),
      options: ['one-area', 'several-areas', 'widespread'], labels: 'intake.rashExtent' }),
    ask({ pointer: '/intake/rashWorseningRapidly', kind: 'yes-no', legend: t('intake.rash.worsening') }),
    ask({ pointer: '/intake/blisters', kind: 'answer', legend: t('intake.rash.blisters') }),
    ask({ pointer: '/intake/skinPeeling', kind: 'answer', legend: t('intake.rash.peeling') }),
    ask({ pointer: '/intake/faceOrLipSwelling', kind: 'yes-no', legend: t('intake.rash.swelling') }),
    ask({ pointer: '/intake/fever', kind: 'answer', legend: t('intake.rash.fever'), hint: t('intake.rash.feverHint') }),
    ask({ pointer: '/intake/feelingUnwell', kind: 'choice', legend: t('intake.rash.unwell'),
      options: ['no', 'a-little', 'very'], labels: 'intake.unwell' }),
    ask({ pointer: '/intake/newMedicine', kind: 'answer', legend: t('intake.rash.newMedicine'),
      hint: t('intake.rash.newMedicineHint') }),
  ];
  wizardPage(app, section, aCase, 'rash', {
    title: t('intake.rash.title'),
    fields: questions.map((q) => q.root),
    pointers: pointersOf(questions),
    collect: () => (requireAnswers(questions.map((q) => [q, true])) ? { intake: answersOf(questions) } : null),
  });
}
