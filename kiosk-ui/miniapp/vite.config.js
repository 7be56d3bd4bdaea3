import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import zaloMiniApp from 'zmp-vite-plugin';

// Two builds from one source:
//   vite build                 → www/          the Zalo build: the real zmp-sdk, nothing else (zmp deploy uploads it)
//   vite build --mode browser  → www-browser/  the same app with src/sdk/standin.js aliased over zmp-sdk, so it runs in a
//                                             plain browser (development, the end-to-end tests). Never uploaded.
// The stand-in is reachable only through the alias, so the Zalo build cannot contain it (scripts/check-bundle.mjs checks).
export default defineConfig(({ mode }) => {
  const browser = mode === 'browser' || mode === 'test';
  return {
    plugins: [react(), zaloMiniApp()],
    resolve: {
      alias: browser ? { 'zmp-sdk': fileURLToPath(new URL('./src/sdk/standin.js', import.meta.url)) } : {},
    },
    // `npm run dev`: the browser build against a WardDesk on localhost:8080 (./warddesk run), same origin via the proxy.
    // The kiosk's icon set is imported from ../src/main/web/kiosk: the dev server may read it.
    server: { proxy: { '/api': 'http://localhost:8080' }, fs: { allow: ['..'] } },
    build: {
      outDir: browser ? 'www-browser' : 'www',
      emptyOutDir: true,
      reportCompressedSize: false,
    },
    test: {
      environment: 'jsdom',
      include: ['test/**/*.test.{js,jsx}'],
      setupFiles: ['test/setup.js'],
      testTimeout: 30000, // the machine is shared: a full render flow can take seconds under load
      // the adapter test replaces zmp-sdk with a spy itself; the others go through the stand-in alias above
    },
  };
});
