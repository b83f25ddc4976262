// The console's shared wording, from the console's dictionaries (console/i18n/<language>.json,
// keys "text.<name>"): TEXT.signOut reads the current language's text when it is used.

import { t } from '/shared/i18n.js';

export const TEXT = new Proxy({}, { get: (target, name) => t(`text.${String(name)}`) });
