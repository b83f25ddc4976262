// Photos on their way: each prepared photo is kept in the browser's IndexedDB from the moment it
// is ready until the service has checked it, so a photo survives a lost connection, a phone that
// went to sleep, or a reload, and is sent from where it stopped. One record per case, card set
// ('intake', 'reply', 'follow-up') and view; the key holds only ids. The photo itself is health
// data on the phone: it is deleted once checked, when the patient signs out, and after a week.

const DATABASE = 'dermrelay-pending-photos';
const STORE = 'photos';
const KEPT_FOR_MS = 7 * 24 * 3600 * 1000;

let opened = null;

function database() {
  if (!('indexedDB' in window)) return Promise.resolve(null);
  opened ??= new Promise((resolve) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    // Private windows may refuse storage: photos are then sent without surviving a reload.
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opened;
}

async function run(mode, work) {
  const db = await database();
  if (!db) return null;
  return new Promise((resolve) => {
    const transaction = db.transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request?.result ?? null);
    transaction.onerror = () => resolve(null);
    transaction.onabort = () => resolve(null);
  });
}

export function pendingKey(caseId, set, view) {
  return `${caseId}/${set}/${view}`;
}

/** Keeps `record` ({key, caseId, set, view, blob, width, height, ...}); later saves replace it. */
export function savePending(record) {
  return run('readwrite', (store) => store.put({ ...record, savedAt: Date.now() }));
}

/** The record under `key`, or null; one older than a week is dropped instead. */
export async function findPending(key) {
  const record = await run('readonly', (store) => store.get(key));
  if (record && Date.now() - record.savedAt > KEPT_FOR_MS) {
    await removePending(key);
    return null;
  }
  return record;
}

export function removePending(key) {
  return run('readwrite', (store) => store.delete(key));
}

/** Forgets every pending photo (sign-out). */
export function clearPending() {
  return run('readwrite', (store) => store.clear());
}
