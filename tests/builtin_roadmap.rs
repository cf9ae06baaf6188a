//! Properties of the built-in backend roadmap (`roadmap.json`) that a learner
//! relies on: it loads, every skill is described and sized, prerequisites
//! follow the stage order, nothing required hides behind something optional,
//! Git comes early, and progress saved under an earlier id is never lost.

// Test code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Utc};
use roadmap::model::steps::open_options;
use roadmap::model::{Node, Req, Roadmap, SkillState, Status, Step, builtin, evaluate, next_steps};

/// Every skill id of the built-in roadmap before the revision of issue 10.
const EARLIER_SKILL_IDS: &[&str] = &[
    "what-is-backend",
    "learning-path",
    "how-the-web-works",
    "internet",
    "dns",
    "http",
    "hosting",
    "terminal",
    "linux",
    "how-servers-work",
    "problem-solving",
    "data-structures",
    "algorithms",
    "computer-systems",
    "html",
    "css",
    "javascript-basics",
    "programming-fundamentals",
    "python",
    "java",
    "go",
    "ruby",
    "php",
    "csharp",
    "nodejs",
    "language-deep-dive",
    "package-managers",
    "debugging",
    "unit-testing",
    "scripting",
    "second-language",
    "relational-databases",
    "sql",
    "postgresql",
    "mysql",
    "sqlite",
    "data-modeling",
    "transactions",
    "orm",
    "schema-migrations",
    "query-performance",
    "backup-and-recovery",
    "nosql-databases",
    "mongodb",
    "cassandra",
    "caching",
    "database-scaling",
    "scalability-design",
    "apis-intro",
    "data-formats",
    "web-frameworks",
    "rest-apis",
    "soap-apis",
    "api-documentation",
    "api-integration",
    "web-app-development",
    "message-queues",
    "server-management",
    "reverse-proxies",
    "containers",
    "deployment",
    "cloud-basics",
    "aws",
    "azure",
    "google-cloud",
    "monitoring-logging",
    "performance-tuning",
    "security-fundamentals",
    "encryption",
    "hashing",
    "https-tls",
    "authentication",
    "authorization",
    "oauth",
    "jwt",
    "owasp-top-10",
    "input-validation",
    "server-hardening",
    "secrets-management",
    "security-updates",
    "git-basics",
    "branching-merging",
    "github",
    "pull-requests",
    "ci-cd",
    "communication",
    "documentation",
    "frontend-collaboration",
    "sdlc",
    "agile",
    "scrum",
    "rest-api-project",
    "auth-system-project",
    "api-integration-project",
    "cloud-deployment-project",
    "github-profile",
    "open-source",
    "hackathons",
    "personal-website",
    "internships",
    "freelancing",
    "strengthen-foundations",
    "design-patterns",
    "software-architecture",
    "system-design",
    "microservices",
    "integration-testing",
    "know-your-tools",
    "aws-certification",
    "language-certification",
    "job-market-research",
    "networking",
    "tailor-applications",
    "coding-interviews",
    "interview-prep",
    "seek-feedback",
    "continuous-learning",
    "information-management",
    "cloud-specialization",
    "ai-specialization",
    "cybersecurity-specialization",
    "data-engineering-specialization",
];

/// Every alias of the built-in roadmap before the revision of issue 10.
const EARLIER_ALIASES: &[&str] = &[
    "shell",
    "command-line",
    "golang",
    "c-sharp",
    "node",
    "node-js",
    "postgres",
    "data-modelling",
    "mongo",
    "scalability",
    "rest",
    "restful-apis",
    "soap",
    "openapi",
    "docker",
    "amazon-web-services",
    "gcp",
    "observability",
    "tls",
    "authn",
    "authz",
    "oauth2",
    "json-web-tokens",
    "owasp",
    "code-review",
    "cicd",
    "software-development-life-cycle",
    "oss",
    "resume",
    "cv",
];

const STAGES: &[&str] = &[
    "basics",
    "languages",
    "databases",
    "apis",
    "security",
    "git",
    "portfolio",
    "job-search",
];

const EARLIER_CHOICES: &[&str] = &[
    "backend-language",
    "relational-database",
    "cloud-provider",
    "specialization",
];

fn roadmap() -> Roadmap {
    builtin().unwrap_or_else(|e| panic!("the built-in roadmap does not load:\n{e}"))
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

/// Sentences in `text`: ends of `.`, `!` or `?` followed by a space and a
/// capital letter, or by the end of the text.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut n = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '.' | '!' | '?') {
            match (chars.get(i + 1), chars.get(i + 2)) {
                (None, _) => n += 1,
                (Some(' '), Some(next)) if next.is_uppercase() => n += 1,
                _ => {}
            }
        }
    }
    n
}

/// The stages of the options of choice `c`.
fn option_stages(r: &Roadmap, c: usize) -> impl Iterator<Item = usize> + '_ {
    r.choices[c].from.iter().map(|&o| r.skills[o].stage)
}

#[test]
fn it_validates_with_the_eight_stages_in_order() {
    let r = roadmap();
    let ids: Vec<&str> = r.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, STAGES);
}

#[test]
fn every_skill_has_a_short_description_hours_and_an_https_resource() {
    let r = roadmap();
    for s in &r.skills {
        let n = sentences(&s.description);
        assert!(
            (1..=3).contains(&n),
            "{}: the description has {n} sentences, not 1 to 3: {}",
            s.id,
            s.description
        );
        assert!(s.hours.is_some_and(|h| h > 0), "{}: no hours", s.id);
        assert!(!s.resources.is_empty(), "{}: no resource", s.id);
        for res in &s.resources {
            assert!(
                res.url.starts_with("https://"),
                "{}: {} is not https",
                s.id,
                res.url
            );
        }
    }
    for st in &r.stages {
        assert!(
            !st.description.is_empty(),
            "stage {} has no description",
            st.id
        );
    }
}

#[test]
fn no_skill_requires_a_skill_of_a_later_stage() {
    let r = roadmap();
    for s in &r.skills {
        for &req in &s.requires {
            let later = match req {
                Req::Skill(j) => r.skills[j].stage > s.stage,
                Req::Choice(c) => option_stages(&r, c).any(|st| st > s.stage),
            };
            assert!(
                !later,
                "{} ({}) requires {}, which is taught in a later stage",
                s.id,
                r.stages[s.stage].id,
                r.req_id(req)
            );
        }
    }
}

#[test]
fn no_required_skill_sits_behind_an_optional_one() {
    let r = roadmap();
    for s in r.skills.iter().filter(|s| !s.optional) {
        for &req in &s.requires {
            match req {
                Req::Skill(j) => assert!(
                    !r.skills[j].optional,
                    "required {} needs optional {}",
                    s.id, r.skills[j].id
                ),
                Req::Choice(c) => {
                    for &o in &r.choices[c].from {
                        assert!(
                            !r.skills[o].optional,
                            "required {} needs choice {}, whose option {} is optional",
                            s.id, r.choices[c].id, r.skills[o].id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_choice_counts_and_the_specialisation_leads_somewhere() {
    let r = roadmap();
    for c in &r.choices {
        for &o in &c.from {
            assert!(
                !r.skills[o].optional,
                "choice {}: option {} is optional, so the choice never counts",
                c.id, r.skills[o].id
            );
        }
    }
    let Some(Node::Choice(spec)) = r.node("specialization") else {
        panic!("no specialization choice");
    };
    assert!(
        !r.choices[spec].dependents.is_empty(),
        "nothing requires the specialization choice"
    );
    // A relational-database choice met by an embedded library would leave
    // the skills that assume a database server without one.
    let Some(Node::Choice(db)) = r.node("relational-database") else {
        panic!("no relational-database choice");
    };
    let options: Vec<&str> = r.choices[db]
        .from
        .iter()
        .map(|&o| r.skills[o].id.as_str())
        .collect();
    assert!(!options.contains(&"sqlite"), "{options:?}");
}

/// A newcomer who always takes the top suggestion of `next` and marks it
/// done meets Git within the first ten steps.
#[test]
fn a_newcomer_following_next_meets_git_within_ten_steps() {
    let r = roadmap();
    let git_stage = r.stage_index("git").unwrap();
    let mut states = vec![SkillState::default(); r.skills.len()];
    let mut taken = Vec::new();
    for _ in 0..10 {
        let eval = evaluate(&r, &states);
        let top = next_steps(&r, &states, &eval, now(), 1);
        // An open choice: the learner takes its best option.
        let s = match top
            .first()
            .expect("a suggestion while skills are left")
            .step
        {
            Step::Skill(s) => s,
            Step::Choice(c) => open_options(&r, &states, &eval, c)[0],
        };
        taken.push(r.skills[s].id.clone());
        if r.skills[s].stage == git_stage || r.skills[s].id.contains("git") {
            return;
        }
        states[s].status = Status::Done;
    }
    panic!("no Git skill in the first ten suggestions: {taken:?}");
}

#[test]
fn every_earlier_id_is_still_a_skill_id_or_an_alias() {
    let r = roadmap();
    for id in EARLIER_SKILL_IDS.iter().chain(EARLIER_ALIASES) {
        assert!(
            r.skill_index(id).is_some(),
            "'{id}' is neither a skill id nor an alias any more: progress saved under it would be lost"
        );
    }
    for id in EARLIER_CHOICES {
        assert!(
            matches!(r.node(id), Some(Node::Choice(_))),
            "choice '{id}' is gone"
        );
    }
    // Ids stay stable: a renamed skill is the exception, not the rule.
    let renamed: Vec<&&str> = EARLIER_SKILL_IDS
        .iter()
        .filter(|id| !matches!(r.node(id), Some(Node::Skill(_))))
        .collect();
    assert!(renamed.len() <= 2, "renamed: {renamed:?}");
}

/// Counted hours of a stage: required skills, plus each choice's average
/// option times `pick`.
fn counted_hours(r: &Roadmap, stage: usize) -> f64 {
    let mut hours = 0.0;
    for s in r.skills.iter().filter(|s| s.stage == stage && !s.optional) {
        let h = f64::from(s.hours.unwrap_or(0));
        hours += match s.choices.first() {
            Some(&c) => {
                let choice = &r.choices[c];
                h * choice.pick as f64 / choice.from.len() as f64
            }
            None => h,
        };
    }
    hours
}

/// "About 1,230 hours" → 1230.
fn stated_hours(description: &str) -> Option<f64> {
    let rest = &description[description.find("About ")? + "About ".len()..];
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    rest[number.len()..].starts_with(" hours").then_some(())?;
    number.replace(',', "").parse().ok()
}

#[test]
fn stage_descriptions_state_their_counted_hours() {
    let r = roadmap();
    for (i, st) in r.stages.iter().enumerate() {
        let stated = stated_hours(&st.description)
            .unwrap_or_else(|| panic!("stage {} does not say how many hours it takes", st.id));
        let counted = counted_hours(&r, i);
        assert!(
            (stated - counted).abs() <= 10.0,
            "stage {} says about {stated} hours but its counted skills add up to {counted:.0}",
            st.id
        );
    }
}

/// `1570.4` → "1,570": hours rounded to tens, with a thousands comma.
fn about(hours: f64) -> String {
    let tens = format!("{:.0}", (hours / 10.0).round() * 10.0);
    match tens.len() {
        4.. => format!("{},{}", &tens[..tens.len() - 3], &tens[tens.len() - 3..]),
        _ => tens,
    }
}

#[test]
fn the_readme_states_the_size_of_the_built_in_roadmap() {
    let r = roadmap();
    let readme = include_str!("../README.md");
    let counted = r
        .skills
        .iter()
        .filter(|s| !s.optional && s.choices.is_empty())
        .count()
        + r.choices.iter().map(|c| c.pick).sum::<usize>();
    let hours: f64 = (0..r.stages.len()).map(|i| counted_hours(&r, i)).sum();
    for claim in [
        format!("{} stages and\n{} skills", r.stages.len(), r.skills.len()),
        format!("{counted} of them count"),
        format!("about {} hours", about(hours)),
    ] {
        assert!(
            readme
                .replace('\n', " ")
                .contains(&claim.replace('\n', " ")),
            "README.md does not say \"{claim}\""
        );
    }
    assert!(
        r.description
            .contains(&format!("about {} hours", about(hours))),
        "{}",
        r.description
    );
}
