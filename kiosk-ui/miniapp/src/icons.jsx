import { PATHS as KIOSK_PATHS } from '../../src/main/web/kiosk/icons.js';

// Line icons drawn here, not zmp-ui's icon font: that font loads from Zalo's CDN and is in no npm
// package, so outside Zalo it would show nothing. Decorative: the text next to each icon carries the meaning.
// The kiosk's icon set (one source for both front ends), plus a few the Mini App's tabs need.
const PATHS = {
  ...KIOSK_PATHS,
  folder: 'M3 6h7l2 2h9v11H3z',
  pin: 'M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12zM12 6.5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5z',
  lock: 'M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
};

export function Icon({ name, className = 'icon' }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name] || PATHS.doc} />
    </svg>
  );
}
