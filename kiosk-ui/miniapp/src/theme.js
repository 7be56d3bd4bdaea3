// The ward's colours (GET /api/v1/miniapp) applied to zmp-ui's CSS variables and the app's own. Text on the brand
// colour is white or near-black, whichever contrasts more, so any colour a ward picks stays readable (WCAG AA).

const HEX = /^#([0-9a-f]{6})$/i;

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour for a background: white when it reaches 4.5:1, else near-black. */
export function onColour(background) {
  return contrast(background, '#ffffff') >= 4.5 ? '#ffffff' : '#141414';
}

/** Darker shade for pressed states and for text links on white (keeps at least 4.5:1 against white). */
export function darker(hex, factor = 0.8) {
  const parts = [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * factor));
  return `#${parts.map((p) => p.toString(16).padStart(2, '0')).join('')}`;
}

export function applyTheme(colours, root = document.documentElement) {
  const primary = HEX.test(colours?.primary || '') ? colours.primary : '#0b5cad';
  // Links and outline buttons sit on the page background (#f3f5f8), a little darker than white.
  let link = primary;
  for (let i = 0; i < 8 && contrast(link, '#f3f5f8') < 4.5; i++) link = darker(link);
  const vars = {
    '--brand': primary,
    '--brand-pressed': darker(primary),
    '--on-brand': onColour(primary),
    '--brand-text': link,
    '--zaui-light-color-primary': link,
    '--zaui-light-button-primary-background': primary,
    '--zaui-light-button-primary-background-pressed': darker(primary),
    '--zaui-light-button-primary-text': onColour(primary),
    '--zaui-light-button-secondary-text': link,
    '--zaui-light-button-tertiary-text': link,
    '--zaui-light-bottom-navigation-active-color': link,
  };
  Object.entries(vars).forEach(([name, value]) => root.style.setProperty(name, value));
  return vars;
}
