// Which ward this kiosk serves. A paired kiosk keeps its device token in localStorage (the server keeps only its
// hash) and sends it with every API request; the server then answers for the paired ward only. Unpaired, the kiosk
// serves ?ward=<id> (from /kiosk/<ward>/) or the default ward — unless the server requires pairing, when the first
// screen asks for the admin's one-time code. There is no ward picker on the public screen.
import { params } from './config.js';

const TOKEN_KEY = 'warddesk.kiosk.device';

export const device = { pairingNeeded: false, wardId: '', nameVi: '', nameEn: '' };

export function deviceToken() {
  try {
    return localStorage.getItem(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

export function keepDeviceToken(token) {
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch (e) {
    // storage disabled: the kiosk asks for a code again after a reload
  }
}

/** The ward of an unpaired kiosk, as the page was opened (/kiosk/<ward>/ redirects to /kiosk/?ward=<ward>). */
export function wardParam() {
  const ward = params.get('ward') || '';
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(ward) ? ward : '';
}

/** The ward whose content this kiosk shows: the paired ward, else ?ward=, else '' (the server's default ward). */
export function currentWard() {
  return device.wardId || wardParam();
}

/** The server said the token is unknown or revoked: forget it and ask for a new code. */
export function forgetDevice() {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // private mode: nothing was stored
  }
  device.pairingNeeded = true;
}

/** Asks the server which ward this kiosk serves; an offline kiosk keeps working as it was. */
export async function checkDevice() {
  const headers = { Accept: 'application/json' };
  const token = deviceToken();
  if (token) headers['X-Kiosk-Device'] = token;
  const ward = wardParam();
  let response;
  try {
    response = await fetch(`/api/v1/kiosk/device${ward ? `?ward=${encodeURIComponent(ward)}` : ''}`,
      { headers, cache: 'no-store', credentials: 'same-origin' });
  } catch (e) {
    return device;
  }
  if (response.status === 401) {
    forgetDevice();
    return device;
  }
  if (!response.ok) return device;
  const info = await response.json();
  device.wardId = info.wardId || '';
  device.nameVi = info.nameVi || '';
  device.nameEn = info.nameEn || '';
  device.pairingNeeded = !info.paired && info.pairingRequired === true;
  return device;
}

/** Exchanges the admin's one-time code for this kiosk's token; true when paired. */
export async function pair(code) {
  const response = await fetch('/api/v1/kiosk/pair', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
    cache: 'no-store',
    credentials: 'same-origin',
  });
  if (!response.ok) return false;
  const paired = await response.json();
  keepDeviceToken(paired.token);
  device.pairingNeeded = false;
  device.wardId = paired.wardId;
  device.nameVi = paired.nameVi || '';
  device.nameEn = paired.nameEn || '';
  return true;
}
