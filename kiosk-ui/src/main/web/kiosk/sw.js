// Service worker of the kiosk: caches the app shell only. API responses are never cached (they can carry
// personal data); when the network is down a page load gets offline.html ("the kiosk is reconnecting").
const SHELL_CACHE = 'warddesk-kiosk-shell-v3';
const SHELL = ['./', 'index.html', 'app.js', 'api.js', 'i18n.js', 'icons.js', 'config.js', 'state.js', 'dom.js',
  'router.js', 'office.js', 'header.js', 'conversation.js', 'keypad.js', 'keyboard.js', 'vietnamese.js', 'reset.js', 'device.js',
  'screens/home.js', 'screens/procedure.js', 'screens/ask.js', 'screens/request.js', 'screens/ticket.js',
  'screens/case.js', 'screens/pair.js', 'styles.css', 'offline.html', 'offline.css', 'offline.js', 'manifest.webmanifest', 'icon.svg',
  'icon-maskable.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== SHELL_CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return; // straight to the network, never cached
  }
  const scope = new URL(self.registration.scope).pathname;
  if (!url.pathname.startsWith(scope)) return;
  // Network first, so a deployment is picked up at once; the shell cache only answers when the network fails.
  event.respondWith(fetch(request).catch(async () => {
    const cache = await caches.open(SHELL_CACHE);
    if (request.mode === 'navigate') return cache.match('offline.html');
    return (await cache.match(request, { ignoreSearch: true })) || Response.error();
  }));
});
