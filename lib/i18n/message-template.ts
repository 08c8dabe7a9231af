// A message formatted once with markers in place of its arguments, then filled in many times.
// next-intl formats each call anew (tens of microseconds), which adds up on pages that repeat one
// message on hundreds of rows (the progress matrix's "Timeline of …", a timeline's events). Only
// for messages whose arguments are plain placeholders — no plural or select on them — since the
// values are inserted as given (numbers as digits, without the locale's grouping).
// Works in the browser and on the server.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKER = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

export function messageTemplate<K extends string>(keys: readonly K[], format: (markers: Record<K, string>) => string): (values: Record<K, string | number>) => string {
  const parts = format(Object.fromEntries(keys.map((k, i) => [k, `${OPEN}${i}${CLOSE}`])) as Record<K, string>).split(MARKER);
  return (values) => {
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) out += String(values[keys[Number(parts[i])]!]) + parts[i + 1]!;
    return out;
  };
}
