//! Topic texts that read well: lists keep their lines, emphasis and code
//! markers go, relative links become absolute, lead-ins go.

use serde_json::json;

use super::{load, opts, value};
use crate::import::{ContentFile, Options};
use crate::model::{ResourceKind, Roadmap};

/// A one-topic roadmap with `md` as the topic's content file.
fn with_text(md: &str) -> Roadmap {
    let doc = json!({"nodes": [{"id": "Oven_1", "type": "topic", "data": {"label": "Ovens"}}]});
    let files = [ContentFile {
        path: "ovens@Oven_1.md".into(),
        bytes: md.as_bytes().to_vec(),
    }];
    let options = Options {
        with_content: true,
        ..opts()
    };
    load(&value(&doc), &files, &options).0
}

#[test]
fn lists_keep_their_line_breaks_and_emphasis_and_code_marks_go() {
    let r = with_text(
        "# Ovens\n\nOvens come in **three** kinds:\n\n1.  **Deck ovens**: a stone\n    floor.\n2. __Convection__ ovens, with `fan=on`.\n3. *Wood-fired* ovens\n\nTips:\n\n- Preheat\n  - for an hour\n* Use a _peel_\n\nAfter the list.\n",
    );
    assert_eq!(
        r.skills[0].description,
        "Ovens come in three kinds:\n\n1. Deck ovens: a stone floor.\n2. Convection ovens, with fan=on.\n3. Wood-fired ovens\n\nTips:\n\n- Preheat\n  - for an hour\n- Use a peel\n\nAfter the list."
    );
}

#[test]
fn relative_links_become_absolute_resources_and_text_links_are_kept() {
    let r = with_text(
        "# Ovens\n\nSee [the guide to heat](/guides/heat) and the [Baking roadmap](/baking).\n\n- [@article@How ovens work](/guides/ovens)\n- [@official@Maker's manual](https://example.org/manual)\n- [@roadmap.sh@Bread](https://roadmap.sh/bread)\n- [@videoA tag without its closing mark](https://example.org/v)\n- [Contents](#contents)\n",
    );
    let s = &r.skills[0];
    assert_eq!(
        s.description,
        "See the guide to heat and the Baking roadmap.\n\n- Contents"
    );
    let got: Vec<(&str, &str, ResourceKind)> = s
        .resources
        .iter()
        .map(|x| (x.title.as_str(), x.url.as_str(), x.kind))
        .collect();
    assert_eq!(
        got,
        [
            (
                "How ovens work",
                "https://roadmap.sh/guides/ovens",
                ResourceKind::Article
            ),
            (
                "Maker's manual",
                "https://example.org/manual",
                ResourceKind::Official
            ),
            ("Bread", "https://roadmap.sh/bread", ResourceKind::Roadmap),
            (
                "A tag without its closing mark",
                "https://example.org/v",
                ResourceKind::Video
            ),
            (
                "the guide to heat",
                "https://roadmap.sh/guides/heat",
                ResourceKind::Article
            ),
            (
                "Baking roadmap",
                "https://roadmap.sh/baking",
                ResourceKind::Roadmap
            ),
        ]
    );
}

#[test]
fn lead_ins_before_the_resource_list_are_dropped() {
    // The shapes real files use, in words of our own.
    for lead in [
        "Visit the following resources to learn more:",
        "Learn more from the following links:",
        "You can read more in the following resources:",
        "Visit following resource for more information:",
        "The newest release notes can be found in the following resources:",
        "Learn more from the following:",
    ] {
        let r = with_text(&format!(
            "# Ovens\n\nHot boxes.\n\n{lead}\n\n- [@article@Heat](https://example.org/h)\n"
        ));
        assert_eq!(r.skills[0].description, "Hot boxes.", "{lead}");
        assert_eq!(r.skills[0].resources.len(), 1);
    }
    // A lead-in left at the end, with no list after it, goes too; a
    // sentence that only mentions "following" stays.
    let r = with_text(
        "# Ovens\n\nThe following steps matter most.\n\nLearn more from the following resources:\n",
    );
    assert_eq!(r.skills[0].description, "The following steps matter most.");
}

#[test]
fn code_blocks_and_headings_keep_their_shape() {
    let r = with_text("# Ovens\n\n## Setting up\nRun:\n\n```\nheat --to 250\n```\n");
    assert_eq!(
        r.skills[0].description,
        "Setting up\n\nRun:\n\n    heat --to 250"
    );
}
