// The ward office's data (name, hours) for the header and the day tiles; catalog content, not personal.
import { api } from './api.js';
import { lang, t } from './i18n.js';
import { state } from './state.js';
import { CASE_PREFIX, WARD_TIME_ZONE, WEEKDAYS } from './config.js';
import { currentWard, device } from './device.js';

export async function office() {
  const ward = currentWard();
  if (!state.office || state.office.locale !== lang() || state.office.ward !== ward) {
    const data = await api.office(lang());
    state.office = { ...data, locale: lang(), ward };
  }
  return state.office;
}

/** The top bar's name: the paired ward's own name in the kiosk's language, else its office's name. */
export function wardName() {
  const paired = lang() === 'en' ? device.nameEn : device.nameVi;
  return paired || (state.office && state.office.name) || 'WardDesk';
}

/** The case code prefix of this kiosk's ward (its office's case_code_prefix), for the check-my-case keypad. */
export function casePrefix() {
  return ((state.office && state.office.caseCodePrefix) || CASE_PREFIX).toUpperCase();
}

/** Next working days from tomorrow: a day counts when the office has opening hours on that weekday. */
export function workingDays(count = 6) {
  const hours = state.office && state.office.hours;
  const open = (date) => {
    const day = WEEKDAYS[date.getDay()];
    if (hours && Array.isArray(hours[day])) return hours[day].length > 0;
    return date.getDay() !== 0 && date.getDay() !== 6;
  };
  const locale = lang() === 'vi' ? 'vi-VN' : 'en-GB';
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' });
  const days = [];
  // "Today" at the ward, whatever the kiosk's clock zone is set to.
  const [y, m, dd0] = new Intl.DateTimeFormat('en-CA', { timeZone: WARD_TIME_ZONE }).format(new Date()).split('-').map(Number);
  for (let i = 1; days.length < count && i < 30; i++) {
    const d = new Date(y, m - 1, dd0 + i);
    if (!open(d)) continue;
    const dd = String(d.getDate()).padStart(2, '0');
    const mm = String(d.getMonth() + 1).padStart(2, '0');
    const name = weekday.format(d);
    days.push({
      value: `${dd}/${mm}/${d.getFullYear()}`,
      weekday: (i === 1 ? `${t('tomorrow')} · ` : '') + name.charAt(0).toUpperCase() + name.slice(1),
      label: `${dd}/${mm}/${d.getFullYear()}`,
    });
  }
  return days;
}
