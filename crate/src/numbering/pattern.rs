//! The patterns of the numbering plan, compiled on first use and matched the way
//! libphonenumber uses them.
//!
//! Google's metadata writes its patterns in a small part of regular-expression syntax: ASCII
//! digits, `\d`, digit classes (`[2-9]`, `[13-8]`), groups `(…)` and `(?:…)`, alternation, the
//! quantifiers `?`, `{n}` and `{n,m}`, and `$` (end of input); the inputs are strings of
//! ASCII digits. A [`Pattern`] is such an expression compiled into a short program, anchored
//! at the start (`lookingAt()`) or at both ends (`matches()`), and run by a backtracking
//! matcher: alternatives in order, quantifiers greedy, the first match found wins
//! (leftmost-first, as in Java's `java.util.regex` and Rust's `regex`). A pattern using
//! anything else does not compile (the `every_pattern_compiles` test covers the whole plan,
//! and `tests/pattern_oracle.rs` checks every pattern against the `regex` crate).
//!
//! Why not the `regex` crate, which the `phonenumber` crate links anyway: building one of its
//! regexes costs about a hundred times more than this program, and a country's first number
//! builds dozens; in V8 that was most of the cost of every new country.
//!
//! Alternatives are pruned by the digits they can start with, so an alternation of area
//! codes costs about what a walk down a tree of digits costs. Every jump in a program goes
//! forward (there is no unbounded repetition), so a match takes at most as many steps as the
//! pattern has paths, however long the input.

use std::cell::RefCell;
use std::sync::OnceLock;

/// Bit of a digit set meaning "may succeed without reading a digit"; bits 0-9 are the digits.
const EMPTY: u16 = 1 << 10;
/// Every digit (`\d`).
const ANY_DIGIT: u16 = (1 << 10) - 1;
/// Largest count a quantifier may give (the metadata's largest is 17).
const MAX_REPEAT: u32 = 32;
/// Longest pattern source accepted; the metadata's longest is about 7,500 characters.
const MAX_SOURCE: usize = 1 << 16;

/// One step of a compiled program.
#[derive(Clone, Copy, Debug)]
enum Inst {
    /// One digit of the set.
    Digit(u16),
    /// From `min` to `max` digits of the set, as many as possible first.
    Run { set: u16, min: u8, max: u8 },
    /// Try `first`, then `second`.
    Split { first: u32, second: u32 },
    /// Continue at the target.
    Jump(u32),
    /// Record the position in capture slot `n`.
    Save(u16),
    /// Succeed only at the end of the input.
    End,
    /// The pattern matched.
    Match,
}

/// A pattern of the plan, compiled when first matched: a country holds up to a few hundred
/// and reading one number needs a handful.
#[derive(Debug)]
pub struct Pattern {
    source: String,
    whole: bool,
    compiled: OnceLock<Option<Program>>,
}

/// A compiled pattern.
#[derive(Debug)]
struct Program {
    program: Vec<Inst>,
    /// For each instruction, the digits it can start with ([`EMPTY`] when it may read none).
    starts: Vec<u16>,
    /// Capturing groups, not counting the whole match.
    groups: usize,
}

/// Where a match and its groups are, as byte ranges of the input.
#[derive(Debug)]
pub struct Captures {
    slots: Vec<Option<usize>>,
}

impl Captures {
    /// Group `index` (0 is the whole match), when it took part in the match.
    pub fn get(&self, index: usize) -> Option<(usize, usize)> {
        let slot = index.checked_mul(2)?;
        let start = (*self.slots.get(slot)?)?;
        let end = (*self.slots.get(slot.checked_add(1)?)?)?;
        Some((start, end))
    }

    /// The last group, or the whole match when the pattern has no groups (Java's
    /// `group(groupCount())`), when it took part in the match.
    pub fn last_group(&self) -> Option<(usize, usize)> {
        self.get((self.slots.len() / 2).checked_sub(1)?)
    }

    /// `replacement` written with the groups of this match in `text` (a group that did not
    /// take part is empty).
    pub fn expand(&self, text: &str, replacement: &Replacement) -> String {
        let mut out = String::with_capacity(replacement.len + text.len());
        for part in &replacement.parts {
            match part {
                Part::Text(literal) => out.push_str(literal),
                Part::Group(index) => {
                    let group = self
                        .get(*index)
                        .and_then(|(start, end)| text.get(start..end));
                    out.push_str(group.unwrap_or_default());
                }
            }
        }
        out
    }
}

/// A replacement template such as `$1 $2-$3`, read once: literal text and references to
/// groups (`$` and digits); a `$` not followed by a digit is literal.
#[derive(Debug)]
pub struct Replacement {
    parts: Vec<Part>,
    /// Length of the literal text.
    len: usize,
}

#[derive(Debug)]
enum Part {
    Text(String),
    Group(usize),
}

impl Replacement {
    /// Reads `template`.
    pub fn new(template: &str) -> Replacement {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut rest = template;
        while let Some(at) = rest.find('$') {
            literal.push_str(rest.get(..at).unwrap_or_default());
            let after = rest.get(at + 1..).unwrap_or_default();
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                literal.push('$');
            } else {
                if !literal.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut literal)));
                }
                // A number too large for any pattern refers to no group.
                let index = after
                    .get(..digits)
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(usize::MAX);
                parts.push(Part::Group(index));
            }
            rest = after.get(digits..).unwrap_or_default();
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        let len = parts
            .iter()
            .map(|part| match part {
                Part::Text(text) => text.len(),
                Part::Group(_) => 0,
            })
            .sum();
        Replacement { parts, len }
    }
}

impl Pattern {
    /// A pattern (free of whitespace, as libphonenumber's metadata build leaves it) anchored
    /// at the start, and at the end too when `whole`. `None` for an empty pattern or `NA`,
    /// the metadata's "none".
    pub fn new(source: &str, whole: bool) -> Option<Pattern> {
        (!source.is_empty() && source != "NA").then(|| Pattern {
            source: source.to_owned(),
            whole,
            compiled: OnceLock::new(),
        })
    }

    /// Whether the pattern compiles; one that does not never matches.
    pub fn compiles(&self) -> bool {
        self.program().is_some()
    }

    /// Whether the pattern matches `text` (at its start, or all of it when whole).
    pub fn is_match(&self, text: &str) -> bool {
        self.match_end(text).is_some()
    }

    /// End of the match in `text`.
    pub fn match_end(&self, text: &str) -> Option<usize> {
        self.program()?.run(text.as_bytes(), None)
    }

    /// The match and its groups.
    pub fn captures(&self, text: &str) -> Option<Captures> {
        let program = self.program()?;
        let mut slots = vec![None; (program.groups + 1) * 2];
        program.run(text.as_bytes(), Some(&mut slots))?;
        Some(Captures { slots })
    }

    fn program(&self) -> Option<&Program> {
        self.compiled
            .get_or_init(|| Program::compile(&self.source, self.whole))
            .as_ref()
    }
}

impl Program {
    fn compile(source: &str, whole: bool) -> Option<Program> {
        if source.is_empty() || source.len() > MAX_SOURCE {
            return None;
        }
        let mut parser = Parser {
            bytes: source.as_bytes(),
            at: 0,
            groups: 0,
        };
        let tree = parser.alternation()?;
        if parser.at != source.len() {
            return None;
        }
        let mut emitter = Emitter {
            program: Vec::new(),
        };
        emitter.push(Inst::Save(0));
        emitter.node(&tree)?;
        emitter.push(Inst::Save(1));
        if whole {
            emitter.push(Inst::End);
        }
        emitter.push(Inst::Match);
        let program = emitter.program;
        let starts = start_sets(&program)?;
        Some(Program {
            program,
            starts,
            groups: parser.groups,
        })
    }

    /// Whether the instruction at `pc` can start a match at `pos`.
    fn can_start(&self, pc: u32, input: &[u8], pos: usize) -> bool {
        let set = self.starts.get(pc as usize).copied().unwrap_or(0);
        set & EMPTY != 0 || input.get(pos).is_some_and(|&b| set & digit_bit(b) != 0)
    }

    /// The backtracking matcher: the end of the first match, with the capture slots filled
    /// when asked for. Its stack of alternatives is kept between matches.
    fn run(&self, input: &[u8], slots: Option<&mut Vec<Option<usize>>>) -> Option<usize> {
        thread_local! {
            static STACK: RefCell<Vec<Frame>> = const { RefCell::new(Vec::new()) };
        }
        STACK.with(|cell| match cell.try_borrow_mut() {
            Ok(mut stack) => {
                stack.clear();
                self.run_with(input, slots, &mut stack)
            }
            Err(_) => self.run_with(input, slots, &mut Vec::new()),
        })
    }

    fn run_with(
        &self,
        input: &[u8],
        mut slots: Option<&mut Vec<Option<usize>>>,
        stack: &mut Vec<Frame>,
    ) -> Option<usize> {
        let mut pc: u32 = 0;
        let mut pos: usize = 0;
        loop {
            let advanced = match *self.program.get(pc as usize)? {
                Inst::Digit(set) => {
                    let ok = input.get(pos).is_some_and(|&b| set & digit_bit(b) != 0);
                    if ok {
                        pos += 1;
                        pc += 1;
                    }
                    ok
                }
                Inst::Run { set, min, max } => {
                    let available = input
                        .get(pos..)
                        .unwrap_or_default()
                        .iter()
                        .take(usize::from(max))
                        .take_while(|&&b| set & digit_bit(b) != 0)
                        .count();
                    let min = usize::from(min);
                    if available < min {
                        false
                    } else {
                        for shorter in min..available {
                            stack.push(Frame::Resume {
                                pc: pc + 1,
                                pos: pos + shorter,
                            });
                        }
                        pos += available;
                        pc += 1;
                        true
                    }
                }
                Inst::Split { first, second } => {
                    match (
                        self.can_start(first, input, pos),
                        self.can_start(second, input, pos),
                    ) {
                        (true, true) => {
                            stack.push(Frame::Resume { pc: second, pos });
                            pc = first;
                            true
                        }
                        (true, false) => {
                            pc = first;
                            true
                        }
                        (false, true) => {
                            pc = second;
                            true
                        }
                        (false, false) => false,
                    }
                }
                Inst::Jump(target) => {
                    pc = target;
                    true
                }
                Inst::Save(slot) => {
                    if let Some(slot_value) = slots
                        .as_deref_mut()
                        .and_then(|all| all.get_mut(usize::from(slot)))
                    {
                        stack.push(Frame::Restore {
                            slot,
                            value: *slot_value,
                        });
                        *slot_value = Some(pos);
                    }
                    pc += 1;
                    true
                }
                Inst::End => {
                    let ok = pos == input.len();
                    if ok {
                        pc += 1;
                    }
                    ok
                }
                Inst::Match => return Some(pos),
            };
            if advanced {
                continue;
            }
            // Backtrack: undo captures until the latest alternative, then resume there.
            loop {
                match stack.pop()? {
                    Frame::Restore { slot, value } => {
                        if let Some(slot_value) = slots
                            .as_deref_mut()
                            .and_then(|all| all.get_mut(usize::from(slot)))
                        {
                            *slot_value = value;
                        }
                    }
                    Frame::Resume { pc: at, pos: from } => {
                        pc = at;
                        pos = from;
                        break;
                    }
                }
            }
        }
    }
}

/// A saved alternative or a capture to undo when backtracking past it.
enum Frame {
    Resume { pc: u32, pos: usize },
    Restore { slot: u16, value: Option<usize> },
}

/// The set bit of an ASCII digit; 0 for any other byte.
fn digit_bit(byte: u8) -> u16 {
    if byte.is_ascii_digit() {
        1 << (byte - b'0')
    } else {
        0
    }
}

/// A parsed pattern.
enum Node {
    /// One digit of the set.
    Set(u16),
    /// The end of the input.
    End,
    /// Capturing group `n` (from 1).
    Group(u16, Box<Node>),
    Concat(Vec<Node>),
    Alternation(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: u32,
    },
}

/// Recursive-descent parser of the metadata's pattern syntax.
struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    groups: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn alternation(&mut self) -> Option<Node> {
        let mut branches = vec![self.concat()?];
        while self.eat(b'|') {
            branches.push(self.concat()?);
        }
        Some(if branches.len() == 1 {
            branches.pop()?
        } else {
            Node::Alternation(branches)
        })
    }

    fn concat(&mut self) -> Option<Node> {
        let mut items = Vec::new();
        while let Some(byte) = self.peek() {
            if byte == b'|' || byte == b')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Some(Node::Concat(items))
    }

    fn atom(&mut self) -> Option<Node> {
        let byte = self.peek()?;
        self.at += 1;
        match byte {
            b'0'..=b'9' => Some(Node::Set(digit_bit(byte))),
            b'\\' => self.eat(b'd').then_some(Node::Set(ANY_DIGIT)),
            b'$' => Some(Node::End),
            b'[' => self.class(),
            b'(' => {
                let capturing = !(self.eat(b'?'));
                if !capturing && !self.eat(b':') {
                    return None;
                }
                let index = if capturing {
                    self.groups += 1;
                    Some(u16::try_from(self.groups).ok()?)
                } else {
                    None
                };
                let inner = self.alternation()?;
                if !self.eat(b')') {
                    return None;
                }
                Some(match index {
                    Some(n) => Node::Group(n, Box::new(inner)),
                    None => inner,
                })
            }
            _ => None,
        }
    }

    /// A digit class such as `[2-9]` or `[13-57]`.
    fn class(&mut self) -> Option<Node> {
        let mut set = 0u16;
        loop {
            let byte = self.peek()?;
            self.at += 1;
            match byte {
                b']' if set != 0 => return Some(Node::Set(set)),
                b'0'..=b'9' => {
                    let low = byte - b'0';
                    let high = if self.eat(b'-') {
                        let end = self.peek().filter(u8::is_ascii_digit)?;
                        self.at += 1;
                        end - b'0'
                    } else {
                        low
                    };
                    if high < low {
                        return None;
                    }
                    for digit in low..=high {
                        set |= 1 << digit;
                    }
                }
                _ => return None,
            }
        }
    }

    fn quantified(&mut self, atom: Node) -> Option<Node> {
        let (min, max) = if self.eat(b'?') {
            (0, 1)
        } else if self.eat(b'{') {
            let min = self.number()?;
            let max = if self.eat(b',') { self.number()? } else { min };
            if !self.eat(b'}') || max < min || max > MAX_REPEAT {
                return None;
            }
            (min, max)
        } else {
            return Some(atom);
        };
        // A lazy or possessive quantifier, or one quantifier after another, is not metadata
        // syntax.
        if matches!(self.peek(), Some(b'?' | b'+' | b'{' | b'*')) {
            return None;
        }
        Some(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
        })
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(self.bytes.get(start..self.at)?)
            .ok()?
            .parse()
            .ok()
    }
}

/// Writes a parsed pattern as a program.
struct Emitter {
    program: Vec<Inst>,
}

impl Emitter {
    fn push(&mut self, inst: Inst) -> usize {
        self.program.push(inst);
        self.program.len() - 1
    }

    fn here(&self) -> Option<u32> {
        u32::try_from(self.program.len()).ok()
    }

    /// Points the split or jump at `at` to `target` (its second branch for a split).
    fn patch(&mut self, at: usize, target: u32) {
        match self.program.get_mut(at) {
            Some(Inst::Split { second, .. }) => *second = target,
            Some(Inst::Jump(to)) => *to = target,
            _ => {}
        }
    }

    fn node(&mut self, node: &Node) -> Option<()> {
        match node {
            Node::Set(set) => {
                self.push(Inst::Digit(*set));
            }
            Node::End => {
                self.push(Inst::End);
            }
            Node::Group(index, inner) => {
                self.push(Inst::Save(index.checked_mul(2)?));
                self.node(inner)?;
                self.push(Inst::Save(index.checked_mul(2)?.checked_add(1)?));
            }
            Node::Concat(items) => {
                for item in items {
                    self.node(item)?;
                }
            }
            Node::Alternation(branches) => {
                let mut jumps = Vec::new();
                let last = branches.len().saturating_sub(1);
                for (index, branch) in branches.iter().enumerate() {
                    if index == last {
                        self.node(branch)?;
                    } else {
                        let split = self.push(Inst::Split {
                            first: self.here()?.checked_add(1)?,
                            second: 0,
                        });
                        self.node(branch)?;
                        jumps.push(self.push(Inst::Jump(0)));
                        let next = self.here()?;
                        self.patch(split, next);
                    }
                }
                let end = self.here()?;
                for jump in jumps {
                    self.patch(jump, end);
                }
            }
            Node::Repeat { node, min, max } => {
                if let Node::Set(set) = **node {
                    self.push(Inst::Run {
                        set,
                        min: u8::try_from(*min).ok()?,
                        max: u8::try_from(*max).ok()?,
                    });
                    return Some(());
                }
                for _ in 0..*min {
                    self.node(node)?;
                }
                // `x{1,3}` is `x(?:x(?:x)?)?`: skipping one optional copy skips the rest.
                let mut skips = Vec::new();
                for _ in *min..*max {
                    skips.push(self.push(Inst::Split {
                        first: self.here()?.checked_add(1)?,
                        second: 0,
                    }));
                    self.node(node)?;
                }
                let end = self.here()?;
                for skip in skips {
                    self.patch(skip, end);
                }
            }
        }
        Some(())
    }
}

/// What each instruction can start with, computed backwards (every jump goes forward).
fn start_sets(program: &[Inst]) -> Option<Vec<u16>> {
    let mut starts = vec![0u16; program.len()];
    for pc in (0..program.len()).rev() {
        let after = |target: usize| -> Option<u16> {
            (target > pc).then(|| starts.get(target).copied()).flatten()
        };
        let set = match *program.get(pc)? {
            Inst::Digit(set) => set,
            Inst::Run { set, min, .. } if min > 0 => set,
            Inst::Run { set, .. } => set | after(pc + 1)?,
            Inst::Split { first, second } => after(first as usize)? | after(second as usize)?,
            Inst::Jump(target) => after(target as usize)?,
            Inst::Save(_) => after(pc + 1)?,
            Inst::End | Inst::Match => EMPTY,
        };
        *starts.get_mut(pc)? = set;
    }
    Some(starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(source: &str) -> Option<Pattern> {
        Pattern::new(source, true).filter(Pattern::compiles)
    }

    fn prefix(source: &str) -> Option<Pattern> {
        Pattern::new(source, false).filter(Pattern::compiles)
    }

    #[test]
    fn matches_whole_or_prefix() {
        let p = whole("[2-9]\\d{2}").expect("compiles");
        assert!(p.is_match("212"));
        assert!(!p.is_match("2123"));
        assert!(!p.is_match("112"));
        assert!(!p.is_match("21"));
        let p = prefix("011|00").expect("compiles");
        assert_eq!(p.match_end("01149"), Some(3));
        assert_eq!(p.match_end("0049"), Some(2));
        assert_eq!(p.match_end("149"), None);
    }

    #[test]
    fn alternatives_are_tried_in_order_and_quantifiers_are_greedy() {
        // Leftmost-first: the first alternative that leads to a match wins, not the longest.
        let p = prefix("0|00").expect("compiles");
        assert_eq!(p.match_end("00"), Some(1));
        let p = prefix("\\d{2,4}").expect("compiles");
        assert_eq!(p.match_end("123456"), Some(4));
        // Greedy, but backing off when what follows needs the digits.
        let p = whole("(\\d{1,3})(\\d{3})").expect("compiles");
        let caps = p.captures("12345").expect("matches");
        assert_eq!(caps.get(1), Some((0, 2)));
        assert_eq!(caps.get(2), Some((2, 5)));
        // Repeated groups: `(?:…){n,m}` is n copies and m - n optional ones.
        let p = whole("(?:12){1,3}").expect("compiles");
        assert!(p.is_match("12"));
        assert!(p.is_match("121212"));
        assert!(!p.is_match("12121212"));
        assert!(!p.is_match(""));
    }

    #[test]
    fn groups_and_end_anchors_work_as_in_national_prefix_rules() {
        // Argentina's national prefix for parsing, abridged: `0?(?:(11|…)15)?` and a `$`.
        let p = prefix("0?(?:(11)15)?").expect("compiles");
        let caps = p.captures("0111512345678").expect("matches");
        assert_eq!(caps.get(0), Some((0, 5)));
        assert_eq!(caps.last_group(), Some((1, 3)));
        assert_eq!(
            caps.expand("0111512345678", &Replacement::new("9$1")),
            "911"
        );
        let p = prefix("([2-7]\\d{6})$|1").expect("compiles");
        assert_eq!(p.captures("2345678").and_then(|c| c.get(1)), Some((0, 7)));
        let caps = p.captures("12345678").expect("matches the 1");
        assert_eq!(caps.get(0), Some((0, 1)));
        assert_eq!(caps.get(1), None);
        assert_eq!(caps.last_group(), None);
        assert_eq!(caps.expand("12345678", &Replacement::new("$1x$")), "x$");
    }

    #[test]
    fn replacements_refer_to_groups_by_number() {
        let p = whole("(\\d{3})(\\d{3})(\\d{4})").expect("compiles");
        let caps = p.captures("4155551212").expect("matches");
        let cases = [
            ("$1-$2-$3", "415-555-1212"),
            ("($1) $2-$3", "(415) 555-1212"),
            ("$3$2$1", "1212555415"),
            ("a$b $", "a$b $"),
            ("$4$12$0", "4155551212"),
            ("$99999999999999999999999", ""),
            ("", ""),
        ];
        for (template, want) in cases {
            assert_eq!(
                caps.expand("4155551212", &Replacement::new(template)),
                want,
                "{template}"
            );
        }
    }

    #[test]
    fn refuses_syntax_outside_the_metadatas() {
        for source in [
            "", "a", "\\w", "[^1]", "[a-z]", "[]", "[9-1]", "(?=1)", "1*", "1+", "1{2,}",
            "1{2,3}?", "1??", "(1", "1)", "1{99}", ".",
        ] {
            assert!(whole(source).is_none(), "{source:?}");
        }
    }

    #[test]
    fn long_inputs_cost_no_more_than_short_ones() {
        let p = whole("(?:\\d{2}){2,8}|(?:[2-9]\\d?){1,9}").expect("compiles");
        let long = "2".repeat(250);
        assert!(!p.is_match(&long));
        assert!(p.is_match("2222"));
    }
}
