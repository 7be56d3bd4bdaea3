// Simple line icons (24×24, stroke only), keyed by the catalog's `icon` field plus a few for the UI.
// Decorative: always rendered aria-hidden, the text next to them carries the meaning.

export const PATHS = {
  baby: 'M12 3a4 4 0 1 1 0 8a4 4 0 0 1 0-8zM9.5 7h.01M14.5 7h.01M10.5 9q1.5 1 3 0M6 21v-3a6 6 0 0 1 12 0v3',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  copy: 'M8 8h11v13H8zM5 16V3h11',
  cross: 'M10 3h4v5h5v4h-5v9h-4v-9H5V8h5z',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9c-4.5-1-8-4-8-9V6zM9 12l2 2l4-4',
  shop: 'M4 10h16M5 10l1-6h12l1 6M6 10v10h12V10M10 20v-5h4v5',
  land: 'M3 20l6-9l4 5l3-4l5 8zM15 4a2 2 0 1 1 0 4a2 2 0 0 1 0-4',
  heart: 'M12 20S4 15 4 9.5A4 4 0 0 1 12 7a4 4 0 0 1 8 2.5C20 15 12 20 12 20z',
  rings: 'M9 9a5 5 0 1 1 0 10a5 5 0 0 1 0-10zM15 5a5 5 0 1 1 0 10a5 5 0 0 1 0-10z',
  family: 'M7 4a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5zM17 4a2.5 2.5 0 1 1 0 5a2.5 2.5 0 0 1 0-5zM3 20v-5a4 4 0 0 1 8 0v5M13 20v-5a4 4 0 0 1 8 0v5',
  home: 'M3 11l9-8l9 8M5 9.5V21h14V9.5M10 21v-6h4v6',
  pen: 'M3 21l3-1l12-12l-2-2L4 18zM14 6l2-2l4 4l-2 2M3 21h18',
  hands: 'M4 14l4-4h4l2 2h-4M20 14l-4-4M3 15l5 5h6l6-6M11 12l3 3',
  suitcase: 'M4 8h16v12H4zM9 8V5h6v3M4 13h16',
  chat: 'M4 4h16v12H9l-5 4z',
  search: 'M10 4a6 6 0 1 1 0 12a6 6 0 0 1 0-12zM14.5 14.5L20 20',
  back: 'M15 5l-7 7l7 7',
  print: 'M7 9V3h10v6M7 17H4v-8h16v8h-3M7 14h10v7H7z',
  check: 'M5 12l5 5l9-10',
  clock: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zM12 7v5l3 2',
  text: 'M4 7V5h10v2M9 5v14M7 19h4M14 12v-1h6v1M17 11v8M15.5 19h3',
  backspace: 'M8 5h12v14H8l-6-7zM11 9l6 6M17 9l-6 6',
  doc: 'M6 3h8l4 4v14H6zM14 3v4h4',
};

export function icon(name, cls = 'icon') {
  const d = PATHS[name] || PATHS.doc;
  return `<svg class="${cls}" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${d}"/></svg>`;
}
