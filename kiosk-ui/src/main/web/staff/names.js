// Procedure names from the public catalog, fetched once per page load.
import { api } from './api.js';

let names = null;

export async function procedureNames() {
  if (!names) {
    names = api('GET', '/api/v1/procedures?locale=vi')
      .then(list => Object.fromEntries(list.map(p => [p.id, p.name])))
      .catch(() => { names = null; return {}; });
  }
  return names;
}

export function procedureLabel(map, id) {
  if (!id || id === 'handoff') return 'Gặp cán bộ (chưa rõ thủ tục)';
  return map[id] || id;
}
