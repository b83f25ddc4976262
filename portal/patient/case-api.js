// The patient's calls to the API, in one place: paths carry ids only, answers go in bodies.
// Operations that other issues add (profile, the review loop) may not be deployed yet: the gateway
// answers an unknown route with a plain 404 (`about:blank`), which `isMissingRoute` tells apart
// from a 404 of the operation itself, so the portal can leave that part out quietly.

import { api, apiFile } from '/shared/api.js';

export function caseApi(app) {
  const identity = app.identity;
  const clinic = `/clinics/${encodeURIComponent(app.clinic.tenantId)}`;
  const aCase = (caseId) => `${clinic}/cases/${encodeURIComponent(caseId)}`;
  const call = (path, options = {}) => api(path, { identity, ...options });

  return {
    listCases: (cursor) => call(`${clinic}/cases?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    createCase: (body) => call(`${clinic}/cases`, { method: 'POST', body }),
    getCase: (caseId) => call(aCase(caseId)),
    updateCase: (caseId, body) => call(aCase(caseId), { method: 'PATCH', body }),
    requestUpload: (caseId, photo) => call(`${aCase(caseId)}/photo-uploads`, { method: 'POST', body: { photos: [photo] } }),
    confirmPhoto: (caseId, photoId, keep) => call(
      `${aCase(caseId)}/photos/${encodeURIComponent(photoId)}/confirm`, { method: 'POST', body: { keep } }),
    submitCase: (caseId, idempotencyKey) => call(`${aCase(caseId)}/submit`, {
      method: 'POST', headers: { 'Idempotency-Key': idempotencyKey },
    }),

    // getMyProfile / updateMyProfile: GET answers 404 (not-found) until there is one; PUT takes
    // {dateOfBirth, sex, version} (version omitted for a new profile, the one read otherwise).
    getProfile: () => call(`${clinic}/me/profile`),
    saveProfile: (body) => call(`${clinic}/me/profile`, { method: 'PUT', body }),

    // The review loop. getAnswer answers 404 until the answer is delivered; getInfoRequest 404
    // when no question was asked. Photos of a reply or a follow-up are uploaded and confirmed
    // first (requestUpload/confirmPhoto put them in the case's current round).
    getAnswer: (caseId) => call(`${aCase(caseId)}/answer`),
    acknowledgeAnswer: (caseId) => call(`${aCase(caseId)}/answer/acknowledge`, { method: 'POST' }),
    // getAnswerLetter: the answer as a PDF letter in `language` (a Blob).
    answerLetter: (caseId, language) => apiFile(
      `${aCase(caseId)}/answer/letter?language=${encodeURIComponent(language)}`, { identity }),
    getInfoRequest: (caseId) => call(`${aCase(caseId)}/info-request`),
    /** @param body {text} */
    replyToInfoRequest: (caseId, body) => call(`${aCase(caseId)}/info-request/reply`, { method: 'POST', body }),
    /** @param body {progress: BETTER|SAME|WORSE, newSymptoms: boolean, notes?} */
    submitFollowUp: (caseId, body) => call(`${aCase(caseId)}/follow-up`, { method: 'POST', body }),

    // Data rights.
    accessLog: (cursor) => call(`${clinic}/me/access-log?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    exportMyData: (language) => call(`${clinic}/me/data-exports?language=${encodeURIComponent(language)}`, { method: 'POST' }),
    requestErasure: () => call(`${clinic}/me/erasure`, { method: 'POST' }),

    // The optional research consent (getMy/give/withdrawResearchConsent).
    getResearchConsent: () => call(`${clinic}/me/research-consent`),
    giveResearchConsent: (consentVersion) => call(`${clinic}/me/research-consent`, { method: 'PUT', body: { consentVersion } }),
    withdrawResearchConsent: () => call(`${clinic}/me/research-consent`, { method: 'DELETE' }),
  };
}

/** A 404 from the gateway because the route is not deployed, not from the operation. */
export function isMissingRoute(error) {
  return error?.status === 404 && (error.problemType === 'about:blank' || !error.problemType);
}

/** An idempotency key for submitting this case, kept for the tab's session so a retry reuses it. */
export function submitKey(caseId) {
  const name = `dermrelay.submit.${caseId}`;
  let key = window.sessionStorage.getItem(name);
  if (!key) {
    key = `submit-${crypto.randomUUID()}`;
    window.sessionStorage.setItem(name, key);
  }
  return key;
}
