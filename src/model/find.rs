//! Finding what a learner typed among a roadmap's ids: skills, choices and
//! stages alike. Typing is forgiving the same way for all three: case and
//! `_`, spaces or `-` do not matter (`Backend_Language` is
//! `backend-language`), a stage can be named by its title (`programming`,
//! `"APIs, Servers"`), an unambiguous beginning is enough (`backend-lang`),
//! and anything else gets the closest id as a "did you mean".

use super::roadmap::{Node, Roadmap};

/// What kind of thing a node is, for messages: "skill", "choice", "stage".
pub fn kind_name(node: Node) -> &'static str {
    match node {
        Node::Skill(_) => "skill",
        Node::Choice(_) => "choice",
        Node::Stage(_) => "stage",
    }
}

/// The kinds a command takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    pub skills: bool,
    pub choices: bool,
    pub stages: bool,
}

impl Kinds {
    pub const SKILLS: Kinds = Kinds {
        skills: true,
        choices: false,
        stages: false,
    };
    pub const SKILLS_AND_CHOICES: Kinds = Kinds {
        skills: true,
        choices: true,
        stages: false,
    };
    pub const STAGES: Kinds = Kinds {
        skills: false,
        choices: false,
        stages: true,
    };

    pub fn takes(self, node: Node) -> bool {
        match node {
            Node::Skill(_) => self.skills,
            Node::Choice(_) => self.choices,
            Node::Stage(_) => self.stages,
        }
    }

    /// "skill", "skill or choice", "stage".
    pub fn noun(self) -> &'static str {
        match (self.skills, self.choices, self.stages) {
            (true, true, _) => "skill or choice",
            (true, false, _) => "skill",
            (false, true, _) => "choice",
            _ => "stage",
        }
    }
}

/// What a typed name found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Exactly one node of a wanted kind: by id or earlier id (folded), a
    /// stage by its title, or by an unambiguous beginning.
    One(Node),
    /// The beginning of several ids of the wanted kinds (at most
    /// [`MAX_CANDIDATES`], in roadmap order).
    Ambiguous(Vec<Node>),
    /// The id of something of another kind (a choice where a skill is
    /// wanted).
    Other(Node),
    /// Nothing; the closest id of a wanted kind, if one is close.
    Nothing { hint: Option<Node> },
}

/// How many candidates an ambiguous beginning lists.
pub const MAX_CANDIDATES: usize = 8;
/// The shortest beginning that is looked up as one.
const MIN_PREFIX: usize = 2;

/// The typed name the way ids are written: trimmed, lowercase, with `_`
/// and white space as `-`.
pub fn fold(typed: &str) -> String {
    typed
        .trim()
        .chars()
        .map(|c| {
            if c == '_' || c.is_whitespace() {
                '-'
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title the way it can be typed: lowercase words joined by `-`, every
/// other character dropped (`APIs, Servers and Cloud` →
/// `apis-servers-and-cloud`).
pub fn fold_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Every node with its id, in roadmap order: stages, skills, choices.
fn nodes(roadmap: &Roadmap) -> impl Iterator<Item = (Node, &str)> {
    let stages = roadmap
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (Node::Stage(i), s.id.as_str()));
    let skills = roadmap
        .skills
        .iter()
        .enumerate()
        .map(|(i, s)| (Node::Skill(i), s.id.as_str()));
    let choices = roadmap
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| (Node::Choice(i), c.id.as_str()));
    stages.chain(skills).chain(choices)
}

/// The id a node is known by.
pub fn id_of(roadmap: &Roadmap, node: Node) -> &str {
    match node {
        Node::Stage(i) => &roadmap.stages[i].id,
        Node::Skill(i) => &roadmap.skills[i].id,
        Node::Choice(i) => &roadmap.choices[i].id,
    }
}

/// Finds what `typed` names among the `kinds` of `roadmap`'s nodes.
pub fn find(roadmap: &Roadmap, typed: &str, kinds: Kinds) -> Found {
    let folded = fold(typed);
    // Ids and titles are plain text: a control or an invisible character
    // (a bidi override, say) is never folded away into a match.
    let hidden = |c: char| super::text::is_unsafe(c) || super::text::is_invisible(c);
    if folded.is_empty() || folded.len() > super::limits::MAX_ID.max(200) || folded.contains(hidden)
    {
        return Found::Nothing { hint: None };
    }
    // The id itself (or an earlier id of a skill).
    let exact = roadmap.node(&folded).or_else(|| {
        roadmap
            .aliases
            .get(&folded)
            .map(|&i| Node::Skill(i))
            .filter(|_| kinds.skills)
    });
    if let Some(node) = exact.filter(|&n| kinds.takes(n)) {
        return Found::One(node);
    }
    // A stage by its title.
    let title = fold_title(typed);
    if kinds.stages && !title.is_empty() {
        let mut by_title = (0..roadmap.stages.len())
            .filter(|&i| fold_title(&roadmap.stages[i].title) == title)
            .map(Node::Stage);
        if let (Some(node), None) = (by_title.next(), by_title.next()) {
            return Found::One(node);
        }
    }
    if let Some(node) = exact {
        return Found::Other(node);
    }
    // A beginning: of ids, and of stage titles.
    if folded.chars().count() >= MIN_PREFIX {
        let mut wanted: Vec<Node> = Vec::new();
        let mut other: Vec<Node> = Vec::new();
        for (node, id) in nodes(roadmap) {
            let by_title = matches!(node, Node::Stage(i)
                if !title.is_empty() && fold_title(&roadmap.stages[i].title).starts_with(&title));
            if id.starts_with(&folded) || by_title {
                if kinds.takes(node) {
                    wanted.push(node);
                } else {
                    other.push(node);
                }
            }
        }
        match wanted.len() {
            1 => return Found::One(wanted[0]),
            0 if other.len() == 1 => return Found::Other(other[0]),
            0 => {}
            _ => {
                wanted.truncate(MAX_CANDIDATES);
                return Found::Ambiguous(wanted);
            }
        }
    }
    Found::Nothing {
        hint: closest(roadmap, &folded, kinds),
    }
}

/// The id of a wanted kind closest to `folded` (an id, an earlier id or a
/// stage's title), when it is close enough to be a slip.
pub fn closest(roadmap: &Roadmap, folded: &str, kinds: Kinds) -> Option<Node> {
    if folded.len() > super::limits::MAX_ID {
        return None;
    }
    let mut best: Option<(f64, Node)> = None;
    let mut consider = |cand: &str, node: Node| {
        let score = strsim::jaro_winkler(folded, cand);
        if score > best.map_or(0.0, |b| b.0) {
            best = Some((score, node));
        }
    };
    for (node, id) in nodes(roadmap).filter(|&(n, _)| kinds.takes(n)) {
        consider(id, node);
        match node {
            Node::Skill(i) => {
                for a in &roadmap.skills[i].aliases {
                    consider(a, node);
                }
            }
            Node::Stage(i) => consider(&fold_title(&roadmap.stages[i].title), node),
            Node::Choice(_) => {}
        }
    }
    best.filter(|b| b.0 >= 0.8).map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::small;

    #[test]
    fn choices_fold_like_skills() {
        let r = small();
        let choice = Node::Choice(0);
        for typed in [
            "backend-language",
            "Backend-Language",
            "backend_language",
            " BACKEND LANGUAGE ",
            "backend-lang",
        ] {
            assert_eq!(
                find(&r, typed, Kinds::SKILLS_AND_CHOICES),
                Found::One(choice),
                "{typed}"
            );
        }
        // A command that takes skills only is told what it is.
        assert_eq!(
            find(&r, "Backend_Language", Kinds::SKILLS),
            Found::Other(choice)
        );
        assert_eq!(
            find(&r, "backend-langauge", Kinds::SKILLS_AND_CHOICES),
            Found::Nothing { hint: Some(choice) }
        );
    }

    #[test]
    fn skills_fold_and_take_an_unambiguous_beginning() {
        let r = small();
        let skill = |id| Node::Skill(r.skill_index(id).unwrap());
        assert_eq!(find(&r, "HTTP", Kinds::SKILLS), Found::One(skill("http")));
        // An earlier id, folded.
        assert_eq!(
            find(&r, "HTTP_Basics", Kinds::SKILLS),
            Found::One(skill("http"))
        );
        // The stage "languages" begins the same way, but a stage is not
        // what a skill command takes.
        assert_eq!(
            find(&r, "lang", Kinds::SKILLS),
            Found::One(skill("language-deep"))
        );
        assert_eq!(find(&r, "ja", Kinds::SKILLS), Found::One(skill("java")));
        // One letter is not a beginning.
        assert!(matches!(
            find(&r, "j", Kinds::SKILLS),
            Found::Nothing { .. }
        ));
        assert_eq!(
            find(&r, "pyhton", Kinds::SKILLS),
            Found::Nothing {
                hint: Some(skill("python"))
            }
        );
    }

    #[test]
    fn an_ambiguous_beginning_lists_the_candidates_in_roadmap_order() {
        let r = small();
        let all = Kinds {
            skills: true,
            choices: true,
            stages: true,
        };
        assert_eq!(
            find(&r, "lang", all),
            Found::Ambiguous(vec![
                Node::Stage(1),
                Node::Skill(r.skill_index("language-deep").unwrap())
            ])
        );
    }

    #[test]
    fn stages_by_id_or_title() {
        let r = small();
        let basics = Node::Stage(0);
        let apis = Node::Stage(2);
        assert_eq!(find(&r, "Basics", Kinds::STAGES), Found::One(basics));
        assert_eq!(find(&r, "APIs", Kinds::STAGES), Found::One(apis));
        assert_eq!(find(&r, "lang", Kinds::STAGES), Found::One(Node::Stage(1)));
        assert_eq!(
            find(&r, "basiks", Kinds::STAGES),
            Found::Nothing { hint: Some(basics) }
        );
        assert_eq!(
            fold_title("APIs, Servers and Cloud"),
            "apis-servers-and-cloud"
        );
    }
}
