//! Merging versions of a note line by line, as `git merge` merges files:
//! what both versions hold is kept once, and only where both changed the
//! same lines are both versions of those lines kept, between marked lines.
//!
//! - [`merge3`]: an editor saved `ours` over `base` (the version it
//!   opened) while `theirs` was saved meanwhile. Changes to different
//!   lines are all taken; where both changed the same lines (or added
//!   lines at the same place), the two versions of just those lines are
//!   kept, unless one already holds the other (then that one is kept).
//! - [`merge2`]: two versions with no common version known (two copies of
//!   a profile): a merge over an empty base, which keeps every line of
//!   both, once where they agree.
//!
//! The bound: every line of the result comes from `theirs` or `ours`, and
//! no line more often than those hold it together; the only lines added
//! are three marked lines around each stretch where both differ. Merging
//! the same versions again (a retried save, a profile merged twice) adds
//! nothing, because a version that already holds the other is kept as it
//! is: repeated conflicts converge instead of copying both texts whole
//! each time (18 one-line saves of two stale editors made 1.37 MB before).
//!
//! Pure and deterministic: the diff is git's histogram diff with git's
//! cost heuristics ([`imara_diff`]), so a pathological note cannot hold the
//! profile's lock for long, and every machine merges the same way.

use std::collections::HashMap;
use std::ops::Range;

use imara_diff::{Algorithm, Diff, Token};

/// The lines around a stretch both versions changed. Each holds `{n}`,
/// replaced by the stretch's number: with the time of the other version
/// in them, marked lines are unique, so a later merge cannot align one
/// conflict's lines with another's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markers {
    /// Before the other version's lines (starts with `CONFLICT_MARK`).
    pub start: String,
    /// Between the two versions.
    pub middle: String,
    /// After this version's lines.
    pub end: String,
}

impl Markers {
    fn numbered(line: &str, n: usize) -> String {
        line.replace("{n}", &n.to_string())
    }
}

/// A merged text and how many stretches hold both versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: usize,
}

/// The lines of a text: split at `\n` (a text ending in a line break ends
/// with an empty line, so that joining the lines gives the text back).
pub fn lines(text: &str) -> Vec<&str> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n').collect()
}

/// Every line of `small` appears in `big` in the same order (`big` holds
/// `small`).
pub fn holds(big: &[&str], small: &[&str]) -> bool {
    let mut rest = big.iter();
    small.iter().all(|line| rest.any(|b| b == line))
}

/// Lines as numbers: the same line, the same number, in all three texts.
struct Tokens<'a> {
    ids: HashMap<&'a str, u32>,
}

impl<'a> Tokens<'a> {
    fn of(&mut self, lines: &[&'a str]) -> Vec<Token> {
        lines
            .iter()
            .map(|l| {
                let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                Token(*self.ids.entry(l).or_insert(next))
            })
            .collect()
    }

    fn count(&self) -> u32 {
        u32::try_from(self.ids.len()).unwrap_or(u32::MAX)
    }
}

/// One change of a side against the base: base lines `base` became that
/// side's lines `side`.
#[derive(Debug, Clone)]
struct Change {
    theirs: bool,
    base: Range<usize>,
    side: Range<usize>,
}

fn changes(from: &[Token], to: &[Token], count: u32, theirs: bool) -> Vec<Change> {
    let mut diff = Diff::default();
    diff.compute_with(Algorithm::Histogram, from, to, count);
    diff.hunks()
        .map(|h| Change {
            theirs,
            base: h.before.start as usize..h.before.end as usize,
            side: h.after.start as usize..h.after.end as usize,
        })
        .collect()
}

/// Two changes of different sides touch the same lines: their base ranges
/// overlap or meet, as git decides. Changes with an unchanged line
/// between them are taken both; changes that meet are one stretch, so
/// that merging the result again (a retried save) finds the same stretch
/// already holding both, and changes nothing.
fn clash(a: &Change, b: &Change) -> bool {
    let (x, y) = (&a.base, &b.base);
    x.start <= y.end && y.start <= x.end
}

/// Merges `ours` (written over `base`) with `theirs` (saved meanwhile).
pub fn merge3(base: &str, theirs: &str, ours: &str, markers: &Markers) -> Merged {
    if theirs == ours || base == theirs {
        return Merged {
            text: ours.to_string(),
            conflicts: 0,
        };
    }
    if base == ours {
        return Merged {
            text: theirs.to_string(),
            conflicts: 0,
        };
    }
    let (bl, tl, ol) = (lines(base), lines(theirs), lines(ours));
    let mut tokens = Tokens {
        ids: HashMap::new(),
    };
    let (bt, tt, ot) = (tokens.of(&bl), tokens.of(&tl), tokens.of(&ol));
    let mut all = changes(&bt, &tt, tokens.count(), true);
    all.extend(changes(&bt, &ot, tokens.count(), false));
    all.sort_by_key(|c| (c.base.start, c.base.end, !c.theirs));
    // Lines `theirs` added: an addition of ours that `theirs` already made
    // (a retried save, a version merged before) is not made twice.
    let mut added = added_by(&all, &tl, true);
    // Lines each side added, for lines the other kept where this one
    // removed them: moved, and kept where they were moved to.
    let (mut moved_by_theirs, mut moved_by_ours) = (added.clone(), added_by(&all, &ol, false));
    let mut out = Out::new(markers);
    let mut at = 0; // next base line not yet written
    let mut next = 0;
    while next < all.len() {
        // The group of changes that clash with one another, transitively.
        let mut group = vec![all[next].clone()];
        let mut last = next + 1;
        while last < all.len()
            && group
                .iter()
                .any(|g| g.theirs != all[last].theirs && clash(g, &all[last]))
        {
            group.push(all[last].clone());
            last += 1;
        }
        let start = group.iter().map(|c| c.base.start).min().unwrap_or(at);
        let end = group.iter().map(|c| c.base.end).max().unwrap_or(start);
        out.lines(&bl[at.min(start)..start]);
        if group.len() == 1 {
            let change = &group[0];
            let side = if change.theirs { &tl } else { &ol };
            let made = &side[change.side.clone()];
            if change.theirs || !take_if_made(&mut added, made) {
                out.lines(made);
            }
        } else {
            let theirs_part = version(&bl, &tl, &group, true, start..end, &mut moved_by_ours);
            let ours_part = version(&bl, &ol, &group, false, start..end, &mut moved_by_theirs);
            out.both(&theirs_part, &ours_part);
        }
        at = at.max(end);
        next = last;
    }
    out.lines(&bl[at.min(bl.len())..]);
    out.finish()
}

/// True when every line of `lines` that is not blank (at least one) is
/// among `added` (the lines the other version added), which then counts
/// them as used.
fn take_if_made(added: &mut HashMap<&str, usize>, lines: &[&str]) -> bool {
    let mut need: HashMap<&str, usize> = HashMap::new();
    for l in lines.iter().filter(|l| !l.trim().is_empty()) {
        *need.entry(l).or_default() += 1;
    }
    if need.is_empty()
        || need
            .iter()
            .any(|(l, n)| added.get(l).copied().unwrap_or(0) < *n)
    {
        return false;
    }
    for (l, n) in need {
        if let Some(have) = added.get_mut(l) {
            *have -= n;
        }
    }
    true
}

/// The lines the side `theirs` added in its changes (blank ones aside), by
/// how often.
fn added_by<'a>(all: &[Change], side: &[&'a str], theirs: bool) -> HashMap<&'a str, usize> {
    let mut added: HashMap<&str, usize> = HashMap::new();
    for c in all.iter().filter(|c| c.theirs == theirs) {
        for l in side[c.side.clone()].iter().filter(|l| !l.trim().is_empty()) {
            *added.entry(l).or_default() += 1;
        }
    }
    added
}

/// What side `theirs` made of base lines `range`: its changes within the
/// group applied to them. A base line it kept that the other side moved
/// (removed here, added elsewhere: in `moved`) is left to where it was
/// moved, so that it is not there twice.
fn version<'a>(
    base: &[&'a str],
    side: &[&'a str],
    group: &[Change],
    theirs: bool,
    range: Range<usize>,
    moved: &mut HashMap<&'a str, usize>,
) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut kept = |lines: &[&'a str], out: &mut Vec<&'a str>| {
        for l in lines {
            match moved.get_mut(l) {
                Some(n) if *n > 0 && !l.trim().is_empty() => *n -= 1,
                _ => out.push(*l),
            }
        }
    };
    let mut at = range.start;
    for c in group.iter().filter(|c| c.theirs == theirs) {
        kept(&base[at..c.base.start], &mut out);
        out.extend_from_slice(&side[c.side.clone()]);
        at = c.base.end;
    }
    kept(&base[at..range.end], &mut out);
    out
}

/// Merges two versions without a common one: every line of both, once
/// where they agree.
pub fn merge2(older: &str, newer: &str, markers: &Markers) -> Merged {
    merge3("", older, newer, markers)
}

/// The result, line by line.
struct Out<'m> {
    text: String,
    conflicts: usize,
    markers: &'m Markers,
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

impl<'m> Out<'m> {
    fn new(markers: &'m Markers) -> Out<'m> {
        Out {
            text: String::new(),
            conflicts: 0,
            markers,
        }
    }

    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn lines(&mut self, lines: &[&str]) {
        for l in lines {
            self.line(l);
        }
    }

    /// Two versions of the same lines: one that holds the other is kept
    /// alone; otherwise what they share once, and where both differ, the
    /// two versions between marked lines (where only one has lines, they
    /// are kept as they are).
    fn both<'a>(&mut self, theirs: &[&'a str], ours: &[&'a str]) {
        // Blank lines only space paragraphs: a difference in them alone is
        // no conflict (and, all alike, they would align anywhere).
        let written = |lines: &[&'a str]| -> Vec<&'a str> {
            lines.iter().copied().filter(|l| !blank(l)).collect()
        };
        let (t, o) = (written(theirs), written(ours));
        match (holds(&o, &t), holds(&t, &o)) {
            // The same lines, spaced differently: the same one whichever
            // side is which (the longer, then the larger), so that merging
            // again keeps it.
            (true, true) => {
                return self.lines(std::cmp::max((ours.len(), ours), (theirs.len(), theirs)).1);
            }
            (true, false) => return self.lines(ours),
            (false, true) => return self.lines(theirs),
            (false, false) => {}
        }
        let mut tokens = Tokens {
            ids: HashMap::new(),
        };
        let (tt, ot) = (tokens.of(theirs), tokens.of(ours));
        let mut diff = Diff::default();
        diff.compute_with(Algorithm::Histogram, &tt, &ot, tokens.count());
        let mut at = 0;
        for h in diff.hunks() {
            let (tr, or) = (
                h.before.start as usize..h.before.end as usize,
                h.after.start as usize..h.after.end as usize,
            );
            self.lines(&theirs[at..tr.start]);
            let only_blank = |lines: &[&str]| lines.iter().all(|l| blank(l));
            match (
                only_blank(&theirs[tr.clone()]),
                only_blank(&ours[or.clone()]),
            ) {
                (true, _) => self.lines(&ours[or]),
                (_, true) => self.lines(&theirs[tr.clone()]),
                _ => {
                    self.conflicts += 1;
                    let (m, n) = (self.markers, self.conflicts);
                    self.line(&Markers::numbered(&m.start, n));
                    self.lines(&theirs[tr.clone()]);
                    self.line(&Markers::numbered(&m.middle, n));
                    self.lines(&ours[or]);
                    self.line(&Markers::numbered(&m.end, n));
                }
            }
            at = tr.end;
        }
        self.lines(&theirs[at..]);
    }

    fn finish(mut self) -> Merged {
        self.text.pop();
        Merged {
            text: self.text,
            conflicts: self.conflicts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> Markers {
        Markers {
            start: "===== roadmap kept both versions (#{n}) =====".to_string(),
            middle: "===== roadmap (#{n}) then =====".to_string(),
            end: "===== roadmap (#{n}) end =====".to_string(),
        }
    }

    /// The two findings of the `note_merge` fuzz target, kept.
    #[test]
    fn merging_again_changes_nothing_whatever_the_line_breaks() {
        // A last line break is a last, empty line: read back as written.
        let (t, o) = ("a\n\nAbe\n\n", "a\n\nAb\n\n");
        let once = merge2(t, o, &m());
        assert_eq!(merge2(&once.text, o, &m()).text, once.text);
        assert_eq!(merge2(&once.text, t, &m()).text, once.text);
        // Versions with the same lines spaced differently: the same result
        // whichever side is which, and merging again keeps it.
        let (a, b) = ("a\n\nb", "a\nb\n");
        let ab = merge2(a, b, &m()).text;
        assert_eq!(ab, merge2(b, a, &m()).text);
        assert_eq!(merge2(&ab, a, &m()).text, ab);
        assert_eq!(merge2(b, &ab, &m()).text, ab);
        assert_eq!(merge2(a, b, &m()).conflicts, 0);
    }

    #[test]
    fn three_way_takes_each_side_where_only_it_changed() {
        let base = "one\ntwo\nthree\nfour\nfive";
        let theirs = "ONE\ntwo\nthree\nfour\nfive";
        let ours = "one\ntwo\nthree\nfour\nFIVE";
        let merged = merge3(base, theirs, ours, &m());
        assert_eq!(merged.text, "ONE\ntwo\nthree\nfour\nFIVE");
        assert_eq!(merged.conflicts, 0);
        // The same change on both sides is taken once.
        assert_eq!(merge3(base, theirs, theirs, &m()).text, theirs);
    }
}
