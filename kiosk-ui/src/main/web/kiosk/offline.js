// The offline page: "try again" reloads; back to the kiosk as soon as WardDesk answers again
// (no meta refresh: it would reload while someone reads). A file, so the CSP needs no 'unsafe-inline'.
document.getElementById('retry').addEventListener('click', () => location.reload());
setInterval(() => {
  fetch('/observe/health/live', { cache: 'no-store' }).then((r) => { if (r.ok) location.replace('./#/'); }).catch(() => {});
}, 10000);
