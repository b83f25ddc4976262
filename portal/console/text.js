// The console's shared wording in one place, so a translation can start here. Views keep their
// own labels next to the fields they name, as whole sentences (no sentence built from pieces).

export const TEXT = {
  consoleTitle: 'DermRelay clinic console',
  signOut: 'Sign out',
  signedOut: 'You have signed out of the clinic console.',
  saved: 'Saved. Patients see the change the next time they open the portal.',
  saving: 'Saving…',
  save: 'Save changes',
  fixFields: 'Some fields need attention: each one says what to change.',
  conflict: 'Someone else changed these settings a moment ago. Reload to see their version; your changes are kept on this page until you do.',
  reload: 'Reload the latest settings',
  offline: 'We couldn’t reach DermRelay. Check your connection: your changes are still here, save again when you’re back online.',
  loadFailed: 'We couldn’t load this clinic’s settings.',
  tryAgain: 'Try again',
  draftRestored: 'Your unsaved changes from before you were signed out are back in the form. Save them when you’re ready.',
};
