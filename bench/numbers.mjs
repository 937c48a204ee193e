/**
 * The phone values the benchmark puts on the page: what a CRM's phone fields hold, as users
 * typed them. Generated from a fixed seed, so every run and both extensions get exactly the
 * same lists.
 *
 *   phoneList(seed, { rows: 5000, distinct: 2000 }) -> string[]   (raw values, tel: stripped)
 *
 * About half are North American numbers written nationally in the usual ways (some with an
 * extension), the rest international numbers of twelve countries written with `+` (or the
 * US exit code 011), and about one value in fourteen is not a phone number at all or is
 * malformed. Each distinct value appears at least once; the extra rows repeat values with a
 * skew (a company's main line shows up on many contacts).
 */

/** Small seeded generator (mulberry32): same seed, same sequence, on every platform. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Area codes in service in the US and Canada. */
const NANP_AREAS = [
  '201', '202', '206', '212', '213', '214', '303', '305', '312', '404', '408', '415', '416',
  '503', '512', '514', '602', '604', '617', '646', '650', '702', '713', '718', '773', '805',
  '818', '858', '905', '917', '949', '972',
];

/**
 * International numbers by country. `#` is any digit, `N` a digit 2-9. Several formats per
 * country, as they come from imports, web forms and signatures.
 */
const INTERNATIONAL = [
  ['GB', ['+44 20 7### ####', '+44 (0)20 7### ####', '+44 7### ######', '+44 161 ### ####', '011 44 20 7### ####']],
  ['DE', ['+49 30 #######', '+49 (0)89 ########', '+49 151 ########', '+49 170 #######', '+49-40-########']],
  ['FR', ['+33 1 ## ## ## ##', '+33 (0)6 ## ## ## ##', '+33 7 ## ## ## ##', '+33.4.##.##.##.##']],
  ['AU', ['+61 2 N### ####', '+61 (0)3 N### ####', '+61 4## ### ###']],
  ['IN', ['+91 9#### #####', '+91 22 N### ####', '+91-80-N###-####']],
  ['JP', ['+81 3-N###-####', '+81 90-####-####', '+81 6 N### ####']],
  ['BR', ['+55 11 9####-####', '+55 (21) 9####-####', '+55 11 3###-####']],
  ['MX', ['+52 55 N### ####', '+52 1 55 N### ####', '+52 81 N### ####']],
  ['ES', ['+34 6## ### ###', '+34 91 ### ## ##', '+34 93 ### ####']],
  ['IT', ['+39 06 N### ####', '+39 3## ### ####', '+39 02 N### ####']],
  ['NL', ['+31 6 ########', '+31 20 ### ####', '+31 (0)10 ### ####']],
  ['IE', ['+353 1 N## ####', '+353 8# ### ####', '+353 (0)21 ### ####']],
];

/** Values found in phone fields that are not phone numbers, or are broken ones. */
const NOT_NUMBERS = [
  () => 'N/A',
  () => 'TBD',
  () => 'call reception',
  () => '0000',
  (d) => `555-${d('##')}`, // too short
  (d) => d('#####'),
  (d) => `(${d('1##')}) ${d('N##')}-${d('####')}`, // area code cannot start with 1
  (d) => `+44 20 ${d('####')}`, // too short for London
  (d) => `+49 ${d('##############')}`, // too long
  (d) => `+999 ${d('### ####')}`, // no such country code
  (d) => `x${d('###')}`, // an extension alone
];

function filler(random) {
  return (pattern) =>
    pattern.replace(/[#N]/g, (c) => String(c === '#' ? Math.floor(random() * 10) : 2 + Math.floor(random() * 8)));
}

function pick(random, items) {
  return items[Math.floor(random() * items.length)];
}

/** One raw value, as a user typed it. */
function phoneValue(random) {
  const d = filler(random);
  const kind = random();
  if (kind < 0.07) return pick(random, NOT_NUMBERS)(d);
  if (kind < 0.55) {
    const area = pick(random, NANP_AREAS);
    const exchange = d('N##');
    const line = d('####');
    const extension = random() < 0.1 ? ` x${d('N#')}` : '';
    const format = pick(random, [
      `(${area}) ${exchange}-${line}`,
      `${area}.${exchange}.${line}`,
      `${area}-${exchange}-${line}`,
      `${area}${exchange}${line}`,
      `+1 ${area} ${exchange} ${line}`,
      `1-${area}-${exchange}-${line}`,
      `+1 (${area}) ${exchange}-${line}`,
    ]);
    return `${format}${extension}`;
  }
  const [, patterns] = pick(random, INTERNATIONAL);
  return d(pick(random, patterns));
}

/**
 * `rows` raw values drawn from `distinct` different ones (deterministic for a seed);
 * values listed in `exclude` (a Set) are never used, so two lists can be kept apart.
 */
export function phoneList(seed, { rows = 5000, distinct = 2000, exclude = new Set() } = {}) {
  const random = seeded(seed);
  const values = [];
  const seen = new Set(exclude);
  let attempts = 0;
  while (values.length < distinct) {
    if (++attempts > distinct * 100) throw new Error('phoneList: cannot find enough distinct values');
    const value = phoneValue(random);
    if (seen.has(value)) continue;
    seen.add(value);
    values.push(value);
  }
  const list = [...values];
  // Extra rows repeat values with a skew towards the first ones (main lines, switchboards).
  while (list.length < rows) list.push(values[Math.floor(distinct * random() ** 3)]);
  // Fisher-Yates with the same generator: repeats are spread over the page.
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
