// Procedure names from the public catalog in the console's language, fetched once per page load.
import { api } from './api.js';
import { lang, t } from './i18n.js';

let names = null;

export async function procedureNames() {
  if (!names) {
    names = api('GET', '/api/v1/procedures?locale=' + lang)
      .then(list => Object.fromEntries(list.map(p => [p.id, p.name])))
      .catch(() => { names = null; return {}; });
  }
  return names;
}

export function procedureLabel(map, id) {
  if (!id || id === 'handoff') return t('Gặp cán bộ (chưa rõ thủ tục)', 'Talk to staff (no procedure yet)');
  return map[id] || id;
}
