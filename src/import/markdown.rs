//! The Markdown of roadmap.sh's topic texts as plain text that reads well
//! in a terminal: paragraphs separated by a blank line, list items one to
//! a line (`- item`, `1. item`, nested ones indented by two spaces), code
//! blocks indented by four spaces, headings as their own paragraph, and
//! no emphasis markers or backticks left. Links keep their text; their
//! addresses are handed back, roadmap.sh-relative ones (`/guides/…`)
//! made absolute.

/// Where relative links on roadmap.sh lead.
pub(super) const SITE: &str = "https://roadmap.sh";

/// A link found in the text: its text and its address as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link {
    pub text: String,
    pub url: String,
}

/// The address a link means: absolute as written, site-relative made
/// absolute, anything else (`#anchor`, `../x`) none.
pub(super) fn absolute(url: &str) -> Option<String> {
    let url = url.trim().trim_start_matches('<').trim_end_matches('>');
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        Some(url.to_string())
    } else if let Some(rest) = url.strip_prefix("//") {
        Some(format!("https://{rest}"))
    } else if url.starts_with('/') {
        Some(format!("{SITE}{url}"))
    } else {
        None
    }
}

/// Emphasis markers, backticks, escapes and images removed; `[text](url)`
/// as `text`, with the link collected.
pub(super) fn inline(s: &str, links: &mut Vec<Link>) -> String {
    // HTML comments (`<!-- omit in toc -->`) show nothing on a page.
    let mut uncommented;
    let mut s = s;
    while let Some(start) = s.find("<!--") {
        let Some(len) = s[start..].find("-->") else {
            break;
        };
        uncommented = format!("{}{}", &s[..start], &s[start + len + 3..]);
        s = uncommented.as_str();
    }
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                if let Some((_, _, end)) = bracket(&chars, i + 1) {
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '[' => {
                if let Some((text, url, end)) = bracket(&chars, i) {
                    let shown = inline(&text, &mut Vec::new());
                    out.push_str(&shown);
                    links.push(Link { text: shown, url });
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '`' => i += 1,
            '*' | '_' => {
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let before = i.checked_sub(1).and_then(|b| chars.get(b));
                let after = chars.get(i + run);
                // `snake_case` and `2*3` keep their marks; emphasis sits
                // at the edge of a word.
                let inside_word = word(before) && word(after);
                let spaced = before.is_none_or(|b| b.is_whitespace())
                    && after.is_none_or(|a| a.is_whitespace());
                if inside_word || spaced || run > 3 {
                    out.extend(std::iter::repeat_n(c, run));
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// `[text](url)` starting at `open`: (text, url, index after it).
fn bracket(chars: &[char], open: usize) -> Option<(String, String, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (k, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(k);
                    break;
                }
            }
            _ => {}
        }
        if k - open > 2000 {
            return None;
        }
    }
    let close = close?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = chars[close + 2..]
        .iter()
        .take(4096)
        .position(|&c| c == ')')?
        + close
        + 2;
    let text: String = chars[open + 1..close].iter().collect();
    let url: String = chars[close + 2..end].iter().collect();
    let url = url.split_whitespace().next().unwrap_or("").to_string();
    Some((text, url, end + 1))
}

/// A list item's marker: (indent, marker as written out, rest).
fn list_item(line: &str) -> Option<(usize, String, &str)> {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    for bullet in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = body.strip_prefix(bullet) {
            return Some((indent, "- ".to_string(), rest.trim_start()));
        }
    }
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    if (1..10).contains(&digits) {
        let rest = &body[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((indent, format!("{}. ", &body[..digits]), rest.trim_start()));
        }
    }
    None
}

/// Blocks of the text: paragraphs, list items, code.
enum Block {
    Para(String),
    Item {
        depth: usize,
        marker: String,
        text: String,
    },
    Code(Vec<String>),
}

/// Renders `md` (the topic text after its title, without the resource
/// list) as plain text; the links it held are added to `links`.
pub(super) fn plain(md: &str, links: &mut Vec<Link>) -> String {
    let mut blocks: Vec<Block> = Vec::new();
    let mut fence: Option<Vec<String>> = None;
    let mut open_para = false;
    for raw in md.lines() {
        let line = raw.trim_end();
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            match fence.take() {
                Some(code) => blocks.push(Block::Code(code)),
                None => fence = Some(Vec::new()),
            }
            open_para = false;
            continue;
        }
        if let Some(code) = fence.as_mut() {
            code.push(line.replace('\t', "    "));
            continue;
        }
        if line.trim().is_empty() {
            open_para = false;
            continue;
        }
        let trimmed = line.trim_start();
        if let Some((indent, marker, rest)) = list_item(line) {
            blocks.push(Block::Item {
                depth: (indent / 2).min(4),
                marker,
                text: inline(rest, links),
            });
            open_para = true;
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        let text = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            open_para = false;
            inline(trimmed[hashes..].trim(), links)
        } else if let Some(q) = trimmed.strip_prefix('>') {
            inline(q.trim(), links)
        } else {
            inline(trimmed, links)
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        match blocks.last_mut() {
            // A line continuing a paragraph or a list item.
            Some(Block::Para(p) | Block::Item { text: p, .. }) if open_para => {
                p.push(' ');
                p.push_str(&text);
            }
            _ => blocks.push(Block::Para(text)),
        }
        open_para = hashes == 0 || !trimmed[hashes..].starts_with(' ');
    }
    if let Some(code) = fence {
        blocks.push(Block::Code(code));
    }
    let mut out = String::with_capacity(md.len());
    let mut previous_item = false;
    for block in &blocks {
        let item = matches!(block, Block::Item { .. });
        if !out.is_empty() {
            out.push_str(if item && previous_item { "\n" } else { "\n\n" });
        }
        match block {
            Block::Para(p) => out.push_str(p),
            Block::Item {
                depth,
                marker,
                text,
            } => {
                out.push_str(&"  ".repeat(*depth));
                out.push_str(marker);
                out.push_str(text);
            }
            Block::Code(code) => {
                let indented: Vec<String> = code.iter().map(|l| format!("    {l}")).collect();
                out.push_str(indented.join("\n").trim_end());
            }
        }
        previous_item = item;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(md: &str) -> (String, Vec<Link>) {
        let mut links = Vec::new();
        (plain(md, &mut links), links)
    }

    #[test]
    fn lists_keep_their_lines_and_emphasis_goes() {
        let (t, _) = text(
            "Ovens come in kinds:\n\n1.  **Deck**: stone\n   floor.\n2. __Convection__ fans\n- a *b* c\n  - nested `code`\n\nAfter.",
        );
        assert_eq!(
            t,
            "Ovens come in kinds:\n\n1. Deck: stone floor.\n2. Convection fans\n- a b c\n  - nested code\n\nAfter."
        );
    }

    #[test]
    fn words_with_marks_inside_keep_them() {
        let (t, _) = text("snake_case and 2 * 3 and __init__ and a*b <!-- a note -->");
        assert_eq!(t, "snake_case and 2 * 3 and init and a*b");
    }

    #[test]
    fn links_keep_their_text_and_relative_ones_become_absolute() {
        let (t, links) = text("See [the guide](/guides/x) and ![logo](a.png) [Go](/golang).");
        assert_eq!(t, "See the guide and  Go.");
        assert_eq!(links.len(), 2);
        assert_eq!(
            absolute(&links[0].url).unwrap(),
            "https://roadmap.sh/guides/x"
        );
        assert_eq!(absolute("#top"), None);
        assert_eq!(
            absolute("//cdn.example/x").unwrap(),
            "https://cdn.example/x"
        );
    }

    #[test]
    fn code_and_headings_are_blocks_of_their_own() {
        let (t, _) = text("## Setup\nRun:\n```\nmake  all\n```\nDone");
        assert_eq!(t, "Setup\n\nRun:\n\n    make  all\n\nDone");
    }
}
