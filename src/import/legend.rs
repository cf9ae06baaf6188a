//! What roadmap.sh's legends mean. Each roadmap names its own, but the
//! same few ideas recur: "Personal Recommendation / Opinion" (purple),
//! "Alternative Option / Pick this or purple", "Optional", "Order not
//! strict / Learn anytime", and "Beginner / Intermediate / Advanced
//! Topics".
//!
//! An alternative *replaces* the recommended option of its group: a group
//! with alternatives is one pick-one choice among all its options (the
//! recommended ones and the alternatives); an alternative alone in its
//! group is optional. "Order not strict" changes order, not counting.

/// One legend's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meaning {
    Recommended,
    Alternative,
    Optional,
    /// Learn any time: last in its stage (it still follows its topic).
    Anytime,
    /// Beginner (0), intermediate (1), advanced (2): the order within a
    /// stage.
    Level(u8),
    /// A legend this program does not know: no effect.
    Other,
}

/// Reads a legend's label.
pub(super) fn meaning(label: Option<&str>) -> Option<Meaning> {
    let l = label?.to_lowercase();
    Some(if l.contains("alternative") {
        Meaning::Alternative
    } else if l.contains("optional") {
        Meaning::Optional
    } else if l.contains("not strict") || l.contains("anytime") || l.contains("any time") {
        Meaning::Anytime
    } else if l.contains("beginner") {
        Meaning::Level(0)
    } else if l.contains("intermediate") {
        Meaning::Level(1)
    } else if l.contains("advanced") {
        Meaning::Level(2)
    } else if l.contains("recommend") || l.contains("opinion") {
        Meaning::Recommended
    } else {
        Meaning::Other
    })
}

/// Where a skill goes within its stage: beginner, intermediate, unmarked
/// and advanced in that order, "learn anytime" last.
pub(super) fn stage_order(m: Option<Meaning>) -> (u8, u8) {
    match m {
        Some(Meaning::Anytime) => (1, 0),
        Some(Meaning::Level(l)) => (0, l),
        _ => (0, 1),
    }
}

/// What becomes of the options of one group of items.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Nothing special.
    Plain,
    /// One pick-one choice among these.
    Choice(Vec<usize>),
    /// A lone alternative: optional.
    LoneAlternative(usize),
}

/// `members`: the items of a group with their legends.
pub(super) fn outcome(members: &[(usize, Option<Meaning>)]) -> Outcome {
    let options: Vec<&(usize, Option<Meaning>)> = members
        .iter()
        .filter(|(_, m)| *m != Some(Meaning::Optional))
        .collect();
    let alternatives = options
        .iter()
        .filter(|(_, m)| *m == Some(Meaning::Alternative))
        .count();
    match (alternatives, options.len()) {
        (0, _) => Outcome::Plain,
        (1, 1) => Outcome::LoneAlternative(options[0].0),
        _ => Outcome::Choice(options.iter().map(|(n, _)| *n).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legends_of_real_roadmaps_read_as_they_are_meant() {
        let m = |s: &str| meaning(Some(s));
        assert_eq!(
            m("Alternative Option / Pick this or purple"),
            Some(Meaning::Alternative)
        );
        assert_eq!(m("Alternative Options"), Some(Meaning::Alternative));
        assert_eq!(
            m("Personal Recommendation / Opinion"),
            Some(Meaning::Recommended)
        );
        assert_eq!(m("Optional / Learn anytime"), Some(Meaning::Optional));
        assert_eq!(
            m("Order in roadmap not strict (learn anytime)"),
            Some(Meaning::Anytime)
        );
        assert_eq!(m("Beginner Topics / Start here"), Some(Meaning::Level(0)));
        assert_eq!(m("Advanced Topics / Pick Later"), Some(Meaning::Level(2)));
        assert_eq!(m("Colour"), Some(Meaning::Other));
        assert_eq!(meaning(None), None);
    }

    #[test]
    fn an_alternative_replaces_the_recommended_option_of_its_group() {
        let rec = Some(Meaning::Recommended);
        let alt = Some(Meaning::Alternative);
        let opt = Some(Meaning::Optional);
        assert_eq!(
            outcome(&[(1, rec), (2, alt), (3, alt), (4, opt)]),
            Outcome::Choice(vec![1, 2, 3])
        );
        assert_eq!(outcome(&[(1, alt), (2, opt)]), Outcome::LoneAlternative(1));
        assert_eq!(outcome(&[(1, rec), (2, rec), (3, None)]), Outcome::Plain);
    }
}
