// Checks the two builds after `npm run build && npm run build:browser`, and prints the bundle size:
//  - the Zalo build (www/) holds no trace of the browser stand-in of zmp-sdk;
//  - the browser build (www-browser/) does use the stand-in (so the end-to-end tests exercise it, not the real SDK);
//  - the Zalo build's JavaScript stays within the budget: 250 KB gzipped (level 9), all chunks together.
// Exit code 1 with one line per problem otherwise.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const MARKER = 'WARDDESK_SDK_STANDIN';
const STANDIN_EXPORT = 'standin-phone-token';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const problems = [];
for (const dir of ['www', 'www-browser']) {
  if (!existsSync(dir)) problems.push(`${dir}/ is missing: run npm run build && npm run build:browser first`);
}
if (problems.length === 0) {
  const zalo = files('www');
  const text = (list) => list.filter((f) => /\.(js|html|json|css)$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
  if (text(zalo).includes(MARKER) || text(zalo).includes(STANDIN_EXPORT)) problems.push('www/ contains the browser stand-in of zmp-sdk');
  if (!text(files('www-browser')).includes(STANDIN_EXPORT)) problems.push('www-browser/ does not use the stand-in of zmp-sdk');
  const js = zalo.filter((f) => f.endsWith('.js'));
  const css = zalo.filter((f) => f.endsWith('.css'));
  const gz = (list) => list.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const raw = (list) => list.reduce((sum, f) => sum + readFileSync(f).length, 0);
  const jsGz = gz(js);
  console.log(`miniapp bundle (www/): JS ${(raw(js) / 1024).toFixed(1)} KB, ${(jsGz / 1024).toFixed(1)} KB gzipped `
    + `(budget ${BUDGET / 1024} KB: ${jsGz <= BUDGET ? 'met' : 'EXCEEDED'}); CSS ${(raw(css) / 1024).toFixed(1)} KB, `
    + `${(gz(css) / 1024).toFixed(1)} KB gzipped; ${js.length} JS file(s)`);
  if (jsGz > BUDGET) problems.push(`gzipped JS ${jsGz} bytes is over the budget of ${BUDGET}`);
  const config = JSON.parse(readFileSync('www/app-config.json', 'utf8'));
  if (!config.listSyncJS?.length) problems.push('www/app-config.json lists no JS file (zmp-vite-plugin did not run)');
}
problems.forEach((p) => console.error(`check-bundle: ${p}`));
process.exit(problems.length ? 1 : 0);
