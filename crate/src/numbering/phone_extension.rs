//! The phone extension written after a number (`x23`, `ext. 23`, `#23`, `,,23`, `- 503#`),
//! read the way libphonenumber's extension patterns read it.
//!
//! Read by hand rather than with a regular expression: building that one pattern with the
//! `regex` crate was a large part of the core's first call. `tests/phone_extension_oracle.rs`
//! checks the reading against that pattern, run by the `regex` crate, on every form and on
//! seeded random text.

/// The phone extension at the end of `text`, with the text in front of it:
/// `(number, digits)`.
///
/// The front is as short as it can be: the first place from which the rest of `text` is
/// one of the forms below, tried in their order; it never crosses a line break. The forms:
/// - a label (`ext`, `extn`, `extension`, `extensión`, `anexo`, `доб`, any case), up to 20
///   digits;
/// - the ambiguous `x`, `int`, `#` or `~`, up to 9 digits;
/// - the auto-dial `,,` or `;`, up to 15 digits;
/// - a single comma, up to 6 digits (a tighter cap than libphonenumber's 9, so that a second
///   phone number is not taken for an extension);
/// - the American `- 503#`, up to 6 digits.
///
/// The first two may sit in parentheses (`(ext. 204)`) and follow spaces and commas.
pub fn split_off(text: &str) -> Option<(&str, &str)> {
    // Every form has a letter, `#`, `~`, `,` or `;`: most numbers have none of them.
    if !text.contains(|ch: char| ch.is_alphabetic() || matches!(ch, '#' | '~' | ',' | ';')) {
        return None;
    }
    for (at, ch) in text.char_indices() {
        let can_start = ch.is_alphabetic() || matches!(ch, ' ' | ',' | '(' | ';' | '-' | '#' | '~');
        if can_start {
            if let Some(digits) = FORMS.iter().find_map(|form| form(Cursor(&text[at..]))) {
                return Some((&text[..at], digits));
            }
        }
        if ch == '\n' {
            return None;
        }
    }
    None
}

/// The forms, in the order they are tried at each place: each reads the whole rest of the
/// text and gives the extension's digits.
const FORMS: [fn(Cursor<'_>) -> Option<&str>; 5] = [labelled, ambiguous, autodial, comma, american];

fn labelled(mut rest: Cursor<'_>) -> Option<&str> {
    rest.skip(&[' ', ',']);
    rest.eat('(');
    let label = rest.eat_ignore_case("anexo") || rest.eat_cyrillic_dob() || {
        // `ext`, `xt`, `extn`, `extension`, `extensión`: whatever follows a partial word
        // is no extension anyway, so nothing read needs to be given back.
        rest.eat_ignore_case("e");
        let word = rest.eat_ignore_case("xt")
            && (!rest.eat_ignore_case("ensi") || rest.eat_one_of(&['o', 'O', 'ó', 'Ó']));
        rest.eat_ignore_case("n");
        word
    };
    if !label {
        return None;
    }
    rest.separator_then_digits(20, Closing::HashThenParen)
}

fn ambiguous(mut rest: Cursor<'_>) -> Option<&str> {
    rest.skip(&[' ', ',']);
    rest.eat('(');
    let label =
        rest.eat_ignore_case("x") || rest.eat_ignore_case("int") || rest.eat_one_of(&['#', '~']);
    if !label {
        return None;
    }
    rest.separator_then_digits(9, Closing::HashThenParen)
}

fn autodial(mut rest: Cursor<'_>) -> Option<&str> {
    rest.skip(&[' ']);
    if !(rest.eat_ignore_case(",,") || rest.eat(';')) {
        return None;
    }
    rest.separator_then_digits(15, Closing::Hash)
}

fn comma(mut rest: Cursor<'_>) -> Option<&str> {
    rest.skip(&[' ']);
    if !rest.eat(',') {
        return None;
    }
    rest.eat_one_of(&[':', '.']);
    rest.skip(&[' ', '-']);
    rest.digits_then(6, Closing::Hash)
}

fn american(mut rest: Cursor<'_>) -> Option<&str> {
    if rest.skip(&['-', ' ']) == 0 {
        return None;
    }
    rest.digits_then(6, Closing::RequiredHash)
}

/// What may follow an extension's digits, before the end of the text.
#[derive(Clone, Copy)]
enum Closing {
    /// An optional `#`.
    Hash,
    /// An optional `#`, then an optional `)`.
    HashThenParen,
    /// A `#`, always.
    RequiredHash,
}

/// The part of the text not read yet.
#[derive(Clone, Copy)]
struct Cursor<'a>(&'a str);

impl<'a> Cursor<'a> {
    /// Reads `expected` if it is next: ASCII letters in either case, anything else exactly.
    fn eat_ignore_case(&mut self, expected: &str) -> bool {
        let Some(head) = self.0.get(..expected.len()) else {
            return false;
        };
        let same = head
            .chars()
            .zip(expected.chars())
            .all(|(got, want)| got == want || got.eq_ignore_ascii_case(&want));
        if same {
            self.0 = &self.0[expected.len()..];
        }
        same
    }

    /// Reads the Russian `доб` (добавочный), each letter in either case.
    fn eat_cyrillic_dob(&mut self) -> bool {
        let mut chars = self.0.chars();
        let dob = [['д', 'Д'], ['о', 'О'], ['б', 'Б']]
            .iter()
            .all(|cases| chars.next().is_some_and(|ch| cases.contains(&ch)));
        if dob {
            self.0 = chars.as_str();
        }
        dob
    }

    fn eat(&mut self, expected: char) -> bool {
        self.eat_one_of(&[expected])
    }

    fn eat_one_of(&mut self, set: &[char]) -> bool {
        match self.0.strip_prefix(set) {
            Some(rest) => {
                self.0 = rest;
                true
            }
            None => false,
        }
    }

    /// Reads every character of `set` that is next; how many.
    fn skip(&mut self, set: &[char]) -> usize {
        let rest = self.0.trim_start_matches(set);
        let count = self.0.len() - rest.len();
        self.0 = rest;
        count
    }

    /// An optional `:` or `.`, spaces, commas and dashes, then the digits.
    fn separator_then_digits(mut self, max: usize, closing: Closing) -> Option<&'a str> {
        self.eat_one_of(&[':', '.']);
        self.skip(&[' ', ',', '-']);
        self.digits_then(max, closing)
    }

    /// One to `max` ASCII digits, then `closing` and the end of the text.
    fn digits_then(mut self, max: usize, closing: Closing) -> Option<&'a str> {
        let count = self.0.bytes().take_while(u8::is_ascii_digit).count();
        let digits = self.0.get(..count).filter(|_| (1..=max).contains(&count))?;
        self.0 = &self.0[count..];
        let closed = match closing {
            Closing::Hash => {
                self.eat('#');
                true
            }
            Closing::HashThenParen => {
                self.eat('#');
                self.eat(')');
                true
            }
            Closing::RequiredHash => self.eat('#'),
        };
        (closed && self.0.is_empty()).then_some(digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_form_after_the_shortest_front() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("415 x23", Some(("415", "23"))),
            ("415, ext. 23", Some(("415", "23"))),
            ("415 (Extensión: 204)", Some(("415", "204"))),
            ("415 ДоБ 7", Some(("415", "7"))),
            ("415 anexo 7", Some(("415", "7"))),
            ("415 INT 7#)", Some(("415", "7"))),
            ("415~7", Some(("415", "7"))),
            ("415 ,,123", Some(("415", "123"))),
            ("415;123#", Some(("415", "123"))),
            ("415, 123456", Some(("415", "123456"))),
            ("415 - 503#", Some(("415", "503"))),
            // Caps on the digits: too many, and it is no extension.
            ("415, 1234567", None),
            ("415 x1234567890", None),
            // The American form needs its `#`; a label needs digits.
            ("415 - 503", None),
            ("415 ext", None),
            // Not across a line break.
            ("415\n x23", None),
        ];
        for (text, expected) in cases {
            assert_eq!(split_off(text), *expected, "{text:?}");
        }
    }
}
