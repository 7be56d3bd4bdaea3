// Vietnamese tone marks for the on-screen keyboard: a tone key puts its mark on the vowel of the last word where
// Vietnamese spelling puts it ("Nguyên" + ngã → "Nguyễn" once the n is typed, "Thi" + nặng → "Thị").
// Pure functions, no DOM: the keyboard module and the tests call them.

/** Combining marks in key order: none, sắc, huyền, hỏi, ngã, nặng. */
export const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const VOWELS = 'aăâeêioôơuưy';
const SHAPED = 'ăâêôơ'; // vowels with a hat or a breve (or the horn of ơ) carry the tone first

/** Splits one letter into its base letter (with hat/breve/horn kept) and its tone index (0 = none). */
export function splitTone(letter) {
  let tone = 0;
  let base = '';
  for (const c of letter.normalize('NFD')) {
    const index = TONES.indexOf(c);
    if (index > 0) tone = index;
    else base += c;
  }
  return [base.normalize('NFC'), tone];
}

function withTone(base, tone) {
  return (base + TONES[tone]).normalize('NFC');
}

function isVowel(letter) {
  return VOWELS.includes(splitTone(letter)[0].toLowerCase());
}

/** Index (in the word) of the vowel that takes the tone, or -1 when the word has no vowel. */
function toneIndex(word) {
  const letters = [...word];
  const lower = letters.map((l) => splitTone(l)[0].toLowerCase());
  let start = 0;
  // "qu" and "gi" + vowel: the u / i belong to the consonant.
  if (lower[0] === 'q' && lower[1] === 'u') start = 2;
  if (lower[0] === 'g' && lower[1] === 'i' && lower.length > 2 && VOWELS.includes(lower[2])) start = 2;
  let end = -1;
  for (let i = letters.length - 1; i >= start; i--) {
    if (VOWELS.includes(lower[i])) { end = i; break; }
  }
  if (end < 0) {
    return start === 2 && VOWELS.includes(lower[1]) ? 1 : -1; // "gì", "quỳ"-like words with no other vowel
  }
  let first = end;
  while (first - 1 >= start && VOWELS.includes(lower[first - 1])) first--;
  const cluster = [];
  for (let i = first; i <= end; i++) cluster.push(i);
  const shaped = cluster.filter((i) => SHAPED.includes(lower[i]));
  if (shaped.length) return shaped[shaped.length - 1];
  const horn = cluster.find((i) => lower[i] === 'ư');
  if (horn !== undefined) return horn;
  if (cluster.length === 1) return cluster[0];
  const closed = end < letters.length - 1; // a final consonant follows the vowels
  if (closed) return cluster[cluster.length - 1];
  if (cluster.length >= 3) return cluster[1];
  return cluster[0];
}

/**
 * Puts tone {@code tone} (1–5) on the last word of {@code text}; pressing the same tone again removes it. A tone
 * elsewhere in that word moves to the right vowel. Text without a vowel in its last word comes back unchanged.
 */
export function applyTone(text, tone) {
  const match = /(\S*)$/u.exec(text);
  const word = match ? match[1] : '';
  const at = toneIndex(word);
  if (at < 0) return text;
  const letters = [...word];
  const current = splitTone(letters[at])[1];
  const next = current === tone ? 0 : tone;
  const plain = letters.map((l) => (isVowel(l) ? splitTone(l)[0] : l));
  plain[at] = withTone(plain[at], next);
  return text.slice(0, text.length - word.length) + plain.join('');
}
