// Keyboard shortcuts: one listener for the page that hands keys to the current view (its onKey
// returns true when it used the key). Letters never fire while typing in a field; "?" shows the
// list in a native <dialog>.

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

export function installShortcuts(app, dialog) {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.metaKey) return;
    if (dialog.open) return; // the dialog handles Esc itself
    const target = event.target;
    const typing = TYPING.has(target?.tagName) || target?.isContentEditable;
    // Ctrl+Enter is the one shortcut made for inside a field (send the answer).
    if (event.ctrlKey && event.key === 'Enter') {
      if (app.view.onKey?.({ key: 'submit', target })) event.preventDefault();
      return;
    }
    if (typing || event.ctrlKey) return;
    // Enter and Space on a button or link mean that button or link.
    if ((event.key === 'Enter' || event.key === ' ') && ACTIVATES.has(target?.tagName)) return;
    if (event.key === '?') {
      event.preventDefault();
      dialog.showModal();
      return;
    }
    if (app.view.onKey?.(event)) event.preventDefault();
  });
}
