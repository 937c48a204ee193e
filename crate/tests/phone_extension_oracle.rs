//! The core reads a trailing phone extension by hand (`numbering::phone_extension`); here the
//! same forms are written as the regular expression the core used before, after
//! libphonenumber's extension patterns, and run by the `regex` crate. Both must find the same front and the
//! same digits, or both nothing, on every form written out and on seeded random text built
//! from the pieces of the forms.

mod common;

use common::seeded::Seeded;
use dialer_core::numbering::phone_extension::split_off;
use regex::Regex;

/// The shortest front (`.*?`, no line breaks) before one of the forms, tried in order.
const FORMS: &str = concat!(
    r"^(?P<number>.*?)(?:",
    r"[ ,]*\(?(?:(?i-u:e?xt(?:ensi(?:o|ó|Ó))?n?|anexo)|[дД][оО][бБ])[:.]?[ ,\-]*(?P<labelled>[0-9]{1,20})\#?\)?",
    r"|[ ,]*\(?(?:(?i-u:x|int)|\#|~)[:.]?[ ,\-]*(?P<ambiguous>[0-9]{1,9})\#?\)?",
    r"|[ ]*(?:,,|;)[:.]?[ ,\-]*(?P<autodial>[0-9]{1,15})\#?",
    r"|[ ]*,[:.]?[ \-]*(?P<comma>[0-9]{1,6})\#?",
    r"|[\- ]+(?P<american>[0-9]{1,6})\#",
    r")$"
);

fn by_regex(regex: &Regex, text: &str) -> Option<(String, String)> {
    let caps = regex.captures(text)?;
    let digits = ["labelled", "ambiguous", "autodial", "comma", "american"]
        .iter()
        .find_map(|name| caps.name(name))?;
    Some((caps["number"].to_owned(), digits.as_str().to_owned()))
}

fn by_hand(text: &str) -> Option<(String, String)> {
    split_off(text).map(|(number, digits)| (number.to_owned(), digits.to_owned()))
}

/// Pieces the forms are made of, near misses of them, and what numbers are written with.
const PIECES: &[&str] = &[
    "415",
    "555-1212",
    " ",
    "  ",
    ",",
    ",,",
    ";",
    ":",
    ".",
    "-",
    " - ",
    "(",
    ")",
    "#",
    "~",
    "x",
    "X",
    "int",
    "INT",
    "Int",
    "e",
    "E",
    "xt",
    "ext",
    "EXT",
    "eXt",
    "extn",
    "ExtN",
    "ens",
    "ensi",
    "ensio",
    "ensión",
    "ensiÓn",
    "extension",
    "EXTENSIÓN",
    "extensiÓn",
    "anexo",
    "ANEXO",
    "EXTENSION",
    "ENSIO",
    "доб",
    "ДОБ",
    "дОб",
    "до",
    "n",
    "N",
    "a",
    "o",
    "O",
    "\n",
    "+",
    "/",
    "ó",
    "ſ",
    "K",
    "t",
];

/// Extension digits of every length around the caps.
const DIGITS: &[&str] = &[
    "7",
    "23",
    "503",
    "123456",
    "1234567",
    "123456789",
    "1234567890",
    "123456789012345",
    "1234567890123456",
    "12345678901234567890",
    "123456789012345678901",
];

/// Text made of random pieces, most of it shaped like a number and an extension: a front,
/// some pieces, digits, and perhaps a few pieces more.
fn random_text(rng: &mut Seeded) -> String {
    let mut text = String::new();
    for _ in 0..rng.below(3) {
        text.push_str(rng.pick(PIECES));
    }
    for _ in 0..1 + rng.below(3) {
        text.push_str(rng.pick(PIECES));
    }
    text.push_str(rng.pick(DIGITS));
    for _ in 0..rng.below(3) {
        text.push_str(rng.pick(&["#", ")", "#)", ")#", " ", "x"]));
    }
    text
}

#[test]
fn reads_every_form_as_the_regular_expression_does() {
    let regex = Regex::new(FORMS).expect("compiles");
    let written = [
        "415.555.1212 x23",
        "415-555-1212 x.23",
        "415-555-1212, ext. 23",
        "415-555-1212 (ext. 204)",
        "415-555-1212 (x204)",
        "415-555-1212 доб. 23",
        "415-555-1212 Extensión 23",
        "415-555-1212 anexo 23",
        "415-555-1212 int 23",
        "415-555-1212 #23#",
        "415-555-1212~23",
        "415-555-1212,,23",
        "415-555-1212;23",
        "415-555-1212,23",
        "415-555-1212, 1234567",
        "415-555-1212 - 503#",
        "415-555-1212 x23 / x24",
        "415-555-1212 x1234567890",
        "415~555~1212",
        "x23",
        "",
    ];
    for text in written {
        assert_eq!(by_hand(text), by_regex(&regex, text), "{text:?}");
    }

    let mut rng = Seeded(0x0E77_0001);
    let (mut found, mut checked) = (0, 0);
    for _ in 0..200_000 {
        let text = random_text(&mut rng);
        let expected = by_regex(&regex, &text);
        assert_eq!(by_hand(&text), expected, "{text:?}");
        found += usize::from(expected.is_some());
        checked += 1;
    }
    // The random texts reach the forms often, not only their absence.
    assert!(
        found > checked / 10,
        "only {found} of {checked} had an extension"
    );
    println!("{checked} random texts agree, {found} with an extension");
}
