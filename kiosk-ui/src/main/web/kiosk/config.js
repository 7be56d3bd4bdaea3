// Kiosk settings read once from the page (data-* attributes) and the URL.

export const SHELL_CACHE = 'warddesk-kiosk-shell-v2';
export const ASPECT_TABS = ['documents', 'fee', 'processing_time', 'eligibility', 'online'];
export const REQUEST_STATES = ['consent', 'intake', 'confirm'];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export const params = new URLSearchParams(location.search);
export const IDLE_SECONDS = positive(params.get('idle')) || positive(document.documentElement.dataset.idleSeconds) || 60;
export const COUNTDOWN_SECONDS = positive(params.get('countdown')) || 10;
export const WARD_TIME_ZONE = document.documentElement.dataset.timeZone || 'Asia/Ho_Chi_Minh';
export const CASE_PREFIX = (document.documentElement.dataset.casePrefix || 'PH').toUpperCase();

export function positive(value) {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}
