// The intake pages by name, in order: the router needs them before any intake code is loaded
// (the intake views are fetched only when a patient opens one).

/** Every intake page in order; a case shows the ones its answers make relevant (stepsFor). */
export const INTAKE_STEPS = ['body-site', 'about', 'spot', 'rash', 'symptoms', 'health', 'medicines', 'profile', 'consent'];
