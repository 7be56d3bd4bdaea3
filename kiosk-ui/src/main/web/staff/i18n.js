// The console's language (vi first, en second), kept per browser. Every text is written as t('vi', 'en') beside
// the code that shows it, so the two languages cannot drift apart screen by screen.
const KEY = 'warddesk.staff.lang';

function stored() {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
}

export let lang = stored();
document.documentElement.lang = lang;

export function t(vi, en) {
  return lang === 'en' ? en : vi;
}

export function locale() {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}

/** A {vi, en} pair from the server, in the console's language. */
export function pick(pair) {
  if (!pair) return '';
  return (lang === 'en' ? pair.en : pair.vi) || pair.vi || pair.en || '';
}

/** Switches language; the page is drawn again from the server (the session stays). */
export function switchLanguage() {
  try {
    localStorage.setItem(KEY, lang === 'en' ? 'vi' : 'en');
  } catch (e) {
    // Private mode without storage: stays as it is.
  }
  location.reload();
}
