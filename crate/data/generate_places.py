#!/usr/bin/env python3
"""Generate crate/src/place/data.rs from Google's libphonenumber data.

Run by hand (Python 3.11, standard library only) when the source data changes:

    python3 crate/data/generate_places.py [LIBPHONENUMBER_DIR]

LIBPHONENUMBER_DIR defaults to /work/shared/data/libphonenumber and must hold
geocoding-en-1.txt and timezones-map_data.txt. The build never reads them: the
generated file is committed.

Provenance of the input data: repository google/libphonenumber, commit
f7e3e88c92b905c8d6edb81f336dbe25edc05b52, files resources/geocoding/en/1.txt and
resources/timezones/map_data.txt, licensed under the Apache License 2.0
(http://www.apache.org/licenses/LICENSE-2.0), Copyright The Libphonenumber Authors.

What is derived:

* NANP area code -> area, the numbering plan area it serves: an ISO 3166-2 subdivision
  (US-CO, CA-ON, ...) for the United States and Canada, an ISO 3166-1 country code (BS,
  PR, GU, ...) for the other NANP members, including the US territories, which have
  their own codes.
  Sources, in order:
    1. the 4-digit geocoding row `1NPA|place` (a state, province or "City, ST");
    2. without one, the longer geocoding rows of that area code, when all of them
       name places in one and the same area;
    3. otherwise the 4-digit time-zone row `1NPA|zone`, when it names exactly one zone
       and that zone belongs to a single NANP country outside the US and Canada.
  A place name that is not in the tables below fails the run: nothing is guessed.
  Area codes spanning several areas (LEFT_OUT) are deliberately not mapped.
* E.164 prefix -> IANA time zones, for longest-prefix lookup: one zone, or the list
  of zones of a prefix that spans several (the lookup must not fall back to a
  shorter prefix). Rows whose zones equal what their parent would answer are
  dropped, which the run verifies for every row of the source.
* The US states, DC and inhabited US territories plus the Canadian provinces and
  territories, with English names, for the picker of rule targets.

The output is deterministic and already formatted the way rustfmt (edition 2021,
default configuration) formats it; when rustfmt is on PATH the run checks that.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

SOURCE_REPO = "google/libphonenumber"
SOURCE_COMMIT = "f7e3e88c92b905c8d6edb81f336dbe25edc05b52"
DEFAULT_INPUT = pathlib.Path("/work/shared/data/libphonenumber")
OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "place" / "data.rs"
MAX_WIDTH = 100  # rustfmt's default max_width

# ISO 3166-2:US subdivisions: 50 states, DC, and the inhabited outlying areas
# (US-UM, the uninhabited Minor Outlying Islands, has no area code and is omitted).
US_SUBDIVISIONS = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "AS": "American Samoa",
    "GU": "Guam",
    "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
}
# The US territories above: as NANP areas they are answered with their own
# ISO 3166-1 codes (787 -> PR), as picker entries they are US-XX.
US_TERRITORIES = ("AS", "GU", "MP", "PR", "VI")

# ISO 3166-2:CA: 10 provinces and 3 territories.
CA_SUBDIVISIONS = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
    "YT": "Yukon",
}

# Spellings in the geocoding data that differ from the names above.
NAME_ALIASES = {
    "Washington State": "US-WA",
    "Washington D.C.": "US-DC",
    "British Colombia": "CA-BC",  # sic, in the source data
}

# Place names naming several areas: their area codes are left out on purpose.
LEFT_OUT = {
    "Nova Scotia/Prince Edward Island": "spans CA-NS and CA-PE",
    "Northwest Territories/Nunavut/Yukon": "spans CA-NT, CA-NU and CA-YT",
}

# Time zones that identify one NANP member outside the US and Canada
# (IANA tzdata zone.tab country of each zone).
NANP_COUNTRY_ZONES = {
    "America/Anguilla": "AI",
    "America/Antigua": "AG",
    "America/Barbados": "BB",
    "America/Cayman": "KY",
    "America/Dominica": "DM",
    "America/Grand_Turk": "TC",
    "America/Grenada": "GD",
    "America/Jamaica": "JM",
    "America/Lower_Princes": "SX",
    "America/Montserrat": "MS",
    "America/Nassau": "BS",
    "America/Port_of_Spain": "TT",
    "America/Puerto_Rico": "PR",
    "America/Santo_Domingo": "DO",
    "America/St_Kitts": "KN",
    "America/St_Lucia": "LC",
    "America/St_Thomas": "VI",
    "America/St_Vincent": "VC",
    "America/Tortola": "VG",
    "Atlantic/Bermuda": "BM",
    "Pacific/Guam": "GU",
    "Pacific/Pago_Pago": "AS",
    "Pacific/Saipan": "MP",
}


def fail(message: str) -> None:
    sys.exit(f"generate_places.py: error: {message}")


def read_rows(path: pathlib.Path) -> list[tuple[str, str]]:
    """`prefix|value` rows of a libphonenumber data file, comments and blanks skipped."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            prefix, sep, value = line.partition("|")
            if not sep or not prefix.isascii() or not prefix.isdigit() or not value:
                fail(f"{path.name}:{number}: malformed row {line!r}")
            if prefix in seen:
                fail(f"{path.name}:{number}: duplicate prefix {prefix}")
            seen.add(prefix)
            rows.append((prefix, value))
    return rows


def area_of_name(name: str) -> str | None:
    """The area (a subdivision or country code) a place name names, or None if unknown."""
    full_names = {v: f"US-{k}" for k, v in US_SUBDIVISIONS.items() if k not in US_TERRITORIES}
    full_names.update({v: f"CA-{k}" for k, v in CA_SUBDIVISIONS.items()})
    full_names.update({v: k for k, v in US_SUBDIVISIONS.items() if k in US_TERRITORIES})
    full_names.update(NAME_ALIASES)
    if name in full_names:
        return full_names[name]
    # "City, ST": ST is a US or Canadian postal abbreviation.
    city, sep, abbrev = name.rpartition(", ")
    if sep and city:
        if abbrev in US_TERRITORIES:
            return abbrev
        if abbrev in US_SUBDIVISIONS:
            return f"US-{abbrev}"
        if abbrev in CA_SUBDIVISIONS:
            return f"CA-{abbrev}"
    return None


def nanp_areas(geo: list[tuple[str, str]], tz: list[tuple[str, str]]):
    """Area code -> area, plus a report of what was derived how and what was left out."""
    if any(not p.startswith("1") for p, _ in geo):
        fail("geocoding-en-1.txt has a row outside country code 1")
    four = {p[1:]: name for p, name in geo if len(p) == 4}
    longer: dict[str, list[str]] = {}
    for p, name in geo:
        if len(p) > 4:
            longer.setdefault(p[1:4], []).append(name)
        elif len(p) < 4:
            fail(f"geocoding-en-1.txt: unexpected short prefix {p}")
    tz_four = {p[1:]: z.split("&") for p, z in tz if len(p) == 4 and p.startswith("1")}

    areas: dict[str, str] = {}
    how: dict[str, list[str]] = {"geocoding 4-digit row": [], "longer geocoding rows": [],
                                 "time zone": []}
    left_out: dict[str, str] = {}
    unmapped: list[str] = []
    for npa in sorted(set(four) | set(longer) | set(tz_four)):
        if npa in four:
            name = four[npa]
            if name in LEFT_OUT:
                left_out[npa] = f"{name!r}: {LEFT_OUT[name]}"
                continue
            area = area_of_name(name)
            if area is None:
                unmapped.append(f"1{npa}|{name}")
                continue
            areas[npa] = area
            how["geocoding 4-digit row"].append(npa)
            continue
        found = {area_of_name(name) for name in longer.get(npa, [])}
        if len(found) == 1 and None not in found:
            areas[npa] = found.pop()
            how["longer geocoding rows"].append(npa)
            continue
        zones = tz_four.get(npa, [])
        if len(zones) == 1 and zones[0] in NANP_COUNTRY_ZONES:
            areas[npa] = NANP_COUNTRY_ZONES[zones[0]]
            how["time zone"].append(npa)
            continue
        unmapped.append(f"area code {npa}: geocoding {sorted(set(longer.get(npa, [])))[:5]}, "
                        f"zones {zones}")
    if unmapped:
        fail("unmapped NANP place names (add them to the tables, do not guess):\n  "
             + "\n  ".join(unmapped))

    # Cross-check against the time-zone data: an area code whose zone identifies a
    # NANP country must map to that country, and no other area code may map to one.
    for npa, area in areas.items():
        zones = tz_four.get(npa)
        if zones and len(zones) == 1 and zones[0] in NANP_COUNTRY_ZONES:
            if NANP_COUNTRY_ZONES[zones[0]] != area:
                fail(f"area code {npa}: area {area} but zone {zones[0]}")
        elif "-" not in area:
            fail(f"area code {npa}: country {area} without its country's zone")
    for npa in areas:
        if len(npa) != 3 or npa[0] in "01":
            fail(f"not a NANP area code: {npa}")
    return areas, how, left_out


Zones = tuple[str, ...]


def zone_lookup(rows: dict[str, Zones], number: str) -> Zones | None:
    """Longest-prefix lookup as place.rs does it (None: no row)."""
    for length in range(len(number), 0, -1):
        if number[:length] in rows:
            return rows[number[:length]]
    return None


def zone_table(tz: list[tuple[str, str]]) -> dict[str, Zones]:
    """Prefix -> its zones, sorted, without rows that change no lookup."""
    full: dict[str, Zones] = {}
    for prefix, value in tz:
        zones = value.split("&")
        if len(set(zones)) != len(zones) or any(not z or " " in z for z in zones):
            fail(f"timezones-map_data.txt: bad zone list for {prefix}: {value!r}")
        if prefix.startswith("0"):
            fail(f"timezones-map_data.txt: prefix {prefix} starts with 0")
        full[prefix] = tuple(sorted(zones))
    # A row is redundant when its answer equals its parent's (the longest shorter
    # row, or no answer at all). Dropping all of them at once is safe: the answer
    # for any number then comes from the nearest kept ancestor, whose answer equals
    # each dropped row's in between.
    kept = {p: z for p, z in full.items() if z != zone_lookup(full, p[:-1])}
    # Lookups depend only on the longest matching source row, so checking every
    # source prefix, plus a number matching no row, covers every number.
    for prefix in full:
        for number in (prefix, prefix + "0", prefix + "9"):
            if zone_lookup(kept, number) != zone_lookup(full, number):
                fail(f"pruning changed the answer for {number}")
    if zone_lookup(kept, "0") is not None:
        fail("pruning made an answer for a number matching no row")
    return kept


def literal_rows(items: list[str], indent: str = "    ") -> list[str]:
    """Short literals packed as rustfmt's "mixed" array layout packs them."""
    lines: list[str] = []
    line = ""
    for item in items:
        piece = f"{item},"
        candidate = f"{line} {piece}" if line else f"{indent}{piece}"
        # rustfmt counts the separator's trailing space too, so lines stop at 99.
        if line and len(candidate) >= MAX_WIDTH:
            lines.append(line)
            candidate = f"{indent}{piece}"
        line = candidate
    if line:
        lines.append(line)
    return lines


def rust_str(text: str) -> str:
    if not text.isascii() or '"' in text or "\\" in text:
        fail(f"string needs escaping, not supported: {text!r}")
    return f'"{text}"'


def static_array(doc: list[str], name: str, ty: str, items: list[str],
                 one_per_line: bool = False) -> list[str]:
    out = [f"/// {line}" if line else "///" for line in doc]
    out.append(f"pub(super) static {name}: [{ty}; {len(items)}] = [")
    out += [f"    {item}," for item in items] if one_per_line else literal_rows(items)
    out.append("];")
    return out


def render(areas: dict[str, str], zones: dict[str, Zones], input_note: str) -> str:
    area_names = sorted(set(areas.values()))
    if len(area_names) > 256:
        fail("too many NANP areas for u8 indices")
    area_codes = sorted(areas)  # 3-digit strings: string order is numeric order

    zone_names = sorted({z for listed in zones.values() for z in listed})
    zone_sets = sorted({listed for listed in zones.values() if len(listed) > 1})
    set_starts = [0]
    for listed in zone_sets:
        set_starts.append(set_starts[-1] + len(listed))
    if len(zone_names) + len(zone_sets) > 65536 or set_starts[-1] > 65535:
        fail("too many time zones for u16 indices")

    def zone_value(listed: Zones) -> int:
        if len(listed) == 1:
            return zone_names.index(listed[0])
        return len(zone_names) + zone_sets.index(listed)

    prefixes = sorted(zones, key=int)  # no leading zeros: integer order is unambiguous
    max_len = max(len(p) for p in prefixes)
    if max_len > 9:
        fail(f"prefix of {max_len} digits does not fit the u32 table")

    subdivisions = sorted(
        [(f"US-{k}", v) for k, v in US_SUBDIVISIONS.items()]
        + [(f"CA-{k}", v) for k, v in CA_SUBDIVISIONS.items()]
    )
    territories = [(f"US-{k}", k) for k in sorted(US_TERRITORIES)]

    out = [
        "//! Place tables derived from Google's libphonenumber data.",
        "//!",
        "//! GENERATED by `crate/data/generate_places.py`: do not edit by hand, rerun it.",
        "//!",
        f"//! Source: repository {SOURCE_REPO}, commit",
        f"//! {SOURCE_COMMIT}, files",
        "//! `resources/geocoding/en/1.txt` and `resources/timezones/map_data.txt`,",
        "//! Copyright The Libphonenumber Authors, licensed under the Apache License 2.0",
        "//! (<http://www.apache.org/licenses/LICENSE-2.0>); derived, not copied, here.",
        f"//! {input_note}",
        "",
        "#![allow(",
        "    clippy::unreadable_literal,",
        '    reason = "E.164 prefixes are digit strings, not quantities to group"',
        ")]",
        "",
    ]
    out += static_array(
        ["Areas answered for NANP area codes (subdivision or country codes), sorted."],
        "NANP_AREAS", "&str", [rust_str(a) for a in area_names])
    out.append("")
    out += static_array(
        ["NANP area codes with a known area, strictly ascending."],
        "NANP_AREA_CODES", "u16", [str(int(a)) for a in area_codes])
    out.append("")
    out += static_array(
        ["Index into [`NANP_AREAS`] of each entry of [`NANP_AREA_CODES`]."],
        "NANP_AREA_OF_CODE", "u8", [str(area_names.index(areas[a])) for a in area_codes])
    out.append("")
    out += [
        "/// Longest prefix in [`TZ_PREFIXES`], in digits (at most 9, so it fits a `u32`).",
        f"pub(super) const TZ_MAX_PREFIX_LEN: usize = {max_len};",
        "",
    ]
    out += static_array(
        ["IANA time zones named by the prefix table, sorted."],
        "TZ_NAMES", "&str", [rust_str(z) for z in zone_names], one_per_line=True)
    out.append("")
    out += static_array(
        ["E.164 prefixes (country code first, no leading zero) as integers, strictly",
         "ascending. Digit count is part of the value since no prefix starts with 0."],
        "TZ_PREFIXES", "u32", prefixes)
    out.append("")
    out += static_array(
        ["Zones of each entry of [`TZ_PREFIXES`]: an index into [`TZ_NAMES`] for one zone;",
         "for several, [`TZ_NAMES`]`.len()` plus the index of their list in [`TZ_SET_START`]."],
        "TZ_ZONE", "u16", [str(zone_value(zones[p])) for p in prefixes])
    out.append("")
    out += static_array(
        ["Lists of several zones, one after the other: indices into [`TZ_NAMES`], each list",
         "sorted, the lists sorted."],
        "TZ_SET_ZONES", "u16", [str(zone_names.index(z)) for listed in zone_sets for z in listed])
    out.append("")
    out += static_array(
        ["Where each list of [`TZ_SET_ZONES`] starts, then where the last one ends."],
        "TZ_SET_START", "u16", [str(start) for start in set_starts])
    out.append("")
    out += static_array(
        ["US states, DC, inhabited US territories, Canadian provinces and territories:",
         "ISO 3166-2 code and English name, sorted by code."],
        "SUBDIVISIONS", "(&str, &str)",
        [f"({rust_str(c)}, {rust_str(n)})" for c, n in subdivisions], one_per_line=True)
    out.append("")
    out += static_array(
        ["US territories: subdivision code and the ISO 3166-1 code answered for their",
         "area codes, sorted."],
        "TERRITORIES", "(&str, &str)",
        [f"({rust_str(s)}, {rust_str(c)})" for s, c in territories], one_per_line=True)
    return "\n".join(out) + "\n"


def check_rustfmt(path: pathlib.Path) -> str:
    rustfmt = shutil.which("rustfmt")
    if rustfmt is None:
        return "rustfmt not on PATH: formatting not checked"
    result = subprocess.run([rustfmt, "--edition", "2021", "--check", str(path)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        fail(f"rustfmt would reformat {path}:\n{result.stdout}{result.stderr}")
    return "rustfmt --check: clean"


def main() -> None:
    if len(sys.argv) > 2:
        fail("usage: generate_places.py [LIBPHONENUMBER_DIR]")
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) == 2 else DEFAULT_INPUT
    geo = read_rows(source / "geocoding-en-1.txt")
    tz = read_rows(source / "timezones-map_data.txt")

    areas, how, left_out = nanp_areas(geo, tz)
    zones = zone_table(tz)
    note = (f"{len(areas)} area codes mapped; {len(zones)} of {len(tz)} time-zone rows "
            "kept (the others change no answer).")
    text = render(areas, zones, note)
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")

    print(f"wrote {OUTPUT} ({len(text.encode())} bytes)")
    print(f"NANP area codes mapped: {len(areas)}")
    for source_kind, npas in how.items():
        listed = f" ({' '.join(npas)})" if len(npas) < 40 else ""
        print(f"  from {source_kind}: {len(npas)}{listed}")
    for npa, why in sorted(left_out.items()):
        print(f"  left out {npa}: {why}")
    several = [listed for listed in zones.values() if len(listed) > 1]
    print(f"time-zone rows: {len(tz)} in source, {len(zones)} kept ({len(several)} of them with "
          f"several zones, in {len(set(several))} distinct lists), "
          f"{len({z for listed in zones.values() for z in listed})} distinct zones")
    print(check_rustfmt(OUTPUT))


if __name__ == "__main__":
    main()
