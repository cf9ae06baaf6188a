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

/// Stage and roadmap texts leave hours to the data: `status` computes them
/// (a stage text saying "about 160 hours" drifted from the 135 h `status`
/// showed).
#[test]
fn stage_and_roadmap_texts_state_no_hours_the_data_computes() {
    let r = roadmap();
    let hours = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        words.windows(2).any(|w| {
            w[0].trim_start_matches('~')
                .replace(',', "")
                .parse::<u32>()
                .is_ok()
                && (w[1].starts_with("hour") || w[1] == "h")
        })
    };
    assert!(!hours(&r.description), "{}", r.description);
    for st in &r.stages {
        assert!(
            !hours(&st.description),
            "stage {} states hours in its text; `status` computes them: {}",
            st.id,
            st.description
        );
    }
}

/// "1760" → "1,760".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    match digits.len() {
        4.. => format!(
            "{},{}",
            &digits[..digits.len() - 3],
            &digits[digits.len() - 3..]
        ),
        _ => digits,
    }
}

/// The README's "ready to apply for jobs after about N hours": the walk's
/// counted skills before those meant for after the first job. (Its other
/// figures, the size and the hours `status` shows at the start, are
/// checked by `tests/readme.rs`.)
#[test]
fn the_readme_states_the_hours_to_job_ready() {
    let r = roadmap();
    let readme = include_str!("../README.md").replace('\n', " ");
    let walk = walk(&r);
    let job_ready: u64 = walk
        .iter()
        .filter(|&&s| !r.skills[s].optional && !AFTER_FIRST_JOB.contains(&r.skills[s].id.as_str()))
        .map(|&s| u64::from(r.skills[s].hours.unwrap_or(0)))
        .sum();
    let claim = format!("jobs after about {} hours", thousands(job_ready / 10 * 10));
    assert!(
        readme.contains(&claim),
        "README.md does not say \"{claim}\""
    );
}

// ---------------------------------------------------------------- order

/// The skills meant for after the first job: the specialisations and
/// career growth. They count (the articles cover growing after the first
/// job) but come after every job-search skill.
const AFTER_FIRST_JOB: &[&str] = &[
    "cloud-specialization",
    "ai-specialization",
    "cybersecurity-specialization",
    "data-engineering-specialization",
    "career-growth",
];

fn id(r: &Roadmap, s: usize) -> &str {
    &r.skills[s].id
}

/// Every skill `s` needs before it can start, all the way down (each
/// option of a required choice included).
fn needs(r: &Roadmap, s: usize) -> std::collections::BTreeSet<String> {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![s];
    while let Some(i) = stack.pop() {
        for &req in r.requires(i) {
            let next: Vec<usize> = match req {
                Req::Skill(j) => vec![j],
                Req::Choice(c) => r.choices[c].from.clone(),
            };
            for j in next {
                if seen.insert(r.skills[j].id.clone()) {
                    stack.push(j);
                }
            }
        }
    }
    seen
}

fn skill(r: &Roadmap, id: &str) -> usize {
    r.skill_index(id).unwrap_or_else(|| panic!("no skill {id}"))
}

fn assert_needs(r: &Roadmap, later: &str, earlier: &[&str]) {
    let needs = needs(r, skill(r, later));
    for e in earlier {
        assert!(
            needs.contains(*e),
            "{later} must come after {e}, but does not require it (even indirectly)"
        );
    }
}

/// The learner's walk: always the top suggestion of `next`, the first
/// option of a choice, marked done, until nothing is left. Skill indices
/// in the order taken.
fn walk(r: &Roadmap) -> Vec<usize> {
    let mut states = vec![SkillState::default(); r.skills.len()];
    let mut taken = Vec::new();
    loop {
        let eval = evaluate(r, &states);
        let Some(top) = next_steps(r, &states, &eval, now(), 1).into_iter().next() else {
            return taken;
        };
        // An open choice: its first option that can be learnt now.
        let s = match top.step {
            Step::Skill(s) => s,
            Step::Choice(c) => r.choices[c]
                .from
                .iter()
                .copied()
                .find(|&o| eval.unlocked[o] && states[o].status == Status::Todo)
                .expect("an open choice has an option to learn"),
        };
        taken.push(s);
        states[s].status = Status::Done;
        assert!(taken.len() <= r.skills.len(), "the walk does not end");
    }
}

/// Hours of the walk up to and including skill `id`.
fn hours_until(r: &Roadmap, walk: &[usize], id: &str) -> u64 {
    let at = walk
        .iter()
        .position(|&s| r.skills[s].id == id)
        .unwrap_or_else(|| panic!("the walk never reaches {id}"));
    walk[..=at]
        .iter()
        .map(|&s| u64::from(r.skills[s].hours.unwrap_or(0)))
        .sum()
}

fn position(r: &Roadmap, walk: &[usize], id: &str) -> usize {
    walk.iter()
        .position(|&s| r.skills[s].id == id)
        .unwrap_or_else(|| panic!("the walk never reaches {id}"))
}

#[test]
fn nothing_is_deployed_before_it_is_secured() {
    let r = roadmap();
    assert_needs(
        &r,
        "deployment",
        &["server-hardening", "https-tls", "secrets-management"],
    );
    // Database code only once injection is understood.
    for code in ["orm", "web-app-development", "rest-api-project"] {
        assert_needs(&r, code, &["input-validation"]);
    }
    // A cloud provider's servers and functions come after an app and a
    // container to run on them, and after deploying one.
    for provider in ["aws", "azure", "google-cloud"] {
        assert_needs(
            &r,
            provider,
            &["web-app-development", "containers", "deployment"],
        );
    }
    // And the secrets a deployment needs are not taught after it.
    assert!(!needs(&r, skill(&r, "secrets-management")).contains("deployment"));
}

#[test]
fn collaboration_comes_with_the_first_code() {
    let r = roadmap();
    let walk = walk(&r);
    let first_code = position(&r, &walk, "programming-fundamentals");
    for early in ["github", "branching-merging"] {
        assert!(
            position(&r, &walk, early) < first_code,
            "{early} comes after the first programming"
        );
        assert!(
            hours_until(&r, &walk, early) <= 150,
            "{early} comes after 150 h"
        );
    }
    // Pull requests follow the first code, long before any database.
    assert!(position(&r, &walk, "pull-requests") > first_code);
    assert!(position(&r, &walk, "pull-requests") < position(&r, &walk, "sql"));
    // Aim the studying at the job market from the start.
    assert!(
        hours_until(&r, &walk, "job-market-research") <= 150,
        "job-market-research comes after 150 h"
    );
}

#[test]
fn smaller_order_rules_hold() {
    let r = roadmap();
    for (later, earlier) in [
        ("javascript-basics", "programming-fundamentals"),
        ("database-scaling", "transactions"),
        ("scalability-design", "reverse-proxies"),
        ("internships", "tailor-applications"),
        ("internships", "networking"),
        ("concurrency", "unit-testing"),
        ("ai-assistants", "pull-requests"),
        ("llm-features", "api-integration"),
        ("operations", "monitoring-logging"),
    ] {
        assert_needs(&r, later, &[earlier]);
    }
}

#[test]
fn growth_after_the_first_job_comes_after_every_job_search_skill() {
    let r = roadmap();
    let job_search = r.stage_index("job-search").unwrap();
    let search: Vec<&str> = r
        .skills
        .iter()
        .filter(|s| s.stage == job_search && !s.optional)
        .map(|s| s.id.as_str())
        .filter(|id| !AFTER_FIRST_JOB.contains(id))
        .collect();
    assert!(!search.is_empty());
    for after in AFTER_FIRST_JOB {
        assert_needs(&r, after, &search);
        let s = &r.skills[skill(&r, after)];
        assert!(!s.optional, "{after} no longer counts");
        let text = s.description.to_lowercase();
        assert!(
            text.contains("after your first job") || text.contains("once you are hired"),
            "{after} does not say it is for after the first job: {}",
            s.description
        );
    }
    assert!(
        r.stages[job_search]
            .description
            .contains("after your first job"),
        "{}",
        r.stages[job_search].description
    );
    // In the walk, nothing after the first job comes before the last
    // job-search skill.
    let walk = walk(&r);
    let last_search = search
        .iter()
        .map(|id| position(&r, &walk, id))
        .max()
        .unwrap();
    let after: Vec<usize> = (0..walk.len())
        .filter(|&at| AFTER_FIRST_JOB.contains(&id(&r, walk[at])))
        .collect();
    assert_eq!(after.len(), 2, "a specialisation and career growth");
    for at in after {
        assert!(
            at > last_search,
            "{} comes before the job search ends",
            id(&r, walk[at])
        );
    }
}

// ---------------------------------------------------------------- content

/// The two source articles are summarised in our own words: no run of 8
/// words of theirs appears in a title or description. The fixture holds
/// hashes of the articles' 8-word runs, not their text.
#[test]
fn no_run_of_eight_words_is_copied_from_the_articles() {
    fn fnv(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }
    let runs: std::collections::HashSet<u64> =
        include_str!("fixtures/reference/articles-8-word-runs.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| u64::from_str_radix(l, 16).unwrap())
            .collect();
    assert!(runs.len() > 3000, "the fixture lost its runs");
    let r = roadmap();
    let mut texts = vec![r.title.as_str(), r.description.as_str()];
    texts.extend(
        r.stages
            .iter()
            .flat_map(|s| [s.title.as_str(), s.description.as_str()]),
    );
    texts.extend(r.choices.iter().map(|c| c.title.as_str()));
    texts.extend(
        r.skills
            .iter()
            .flat_map(|s| [s.title.as_str(), s.description.as_str()]),
    );
    for text in texts {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for run in words.windows(8) {
            assert!(
                !runs.contains(&fnv(&run.join(" "))),
                "\"{}\" is copied from a source article: {text}",
                run.join(" ")
            );
        }
    }
}

#[test]
fn resources_are_labelled_and_linked_once() {
    let r = roadmap();
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    // Repeats that truly serve both skills.
    let shared = ["https://exercism.org/tracks"];
    for s in &r.skills {
        for res in &s.resources {
            let url = res.url.as_str();
            if url.starts_with("https://roadmap.sh/") {
                assert_eq!(res.kind.as_str(), "roadmap", "{}: {url}", s.id);
            }
            assert!(
                !url.contains("datatracker.ietf.org") && !url.contains("tools.ietf.org"),
                "{}: link RFCs on www.rfc-editor.org: {url}",
                s.id
            );
            assert!(
                !url.contains("missing.csail.mit.edu/2020/"),
                "{}: {url}",
                s.id
            );
            if let Some(first) = seen.insert(url, &s.id)
                && !shared.contains(&url)
            {
                panic!("{url} is linked from both {first} and {}", s.id);
            }
        }
    }
}

#[test]
fn the_gaps_of_a_2026_back_end_job_are_covered() {
    let r = roadmap();
    for counted in [
        "ai-assistants",
        "llm-features",
        "concurrency",
        "operations",
        "api-robustness",
        "supply-chain-security",
    ] {
        assert!(
            !r.skills[skill(&r, counted)].optional,
            "{counted} is optional"
        );
    }
    for optional in [
        "infrastructure-as-code",
        "privacy",
        "event-driven-reliability",
        "soap-apis",
    ] {
        assert!(r.skills[skill(&r, optional)].optional, "{optional} counts");
    }
    let node = &r.skills[skill(&r, "typescript")];
    assert_eq!(node.id, "nodejs");
    assert!(node.title.contains("TypeScript"));
}

#[test]
#[ignore = "prints the walk: cargo test --test builtin_roadmap print_the_walk -- --ignored --nocapture"]
fn print_the_walk() {
    let r = roadmap();
    let mut hours = 0;
    for (n, s) in walk(&r).into_iter().enumerate() {
        hours += r.skills[s].hours.unwrap_or(0);
        println!(
            "{:3} {hours:5} h  {:32} {}{}",
            n + 1,
            r.skills[s].id,
            r.stages[r.skills[s].stage].id,
            if r.skills[s].optional {
                " (optional)"
            } else {
                ""
            }
        );
    }
}
