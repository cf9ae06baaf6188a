//! A small Markdown renderer for notes in the details pane: headings,
//! lists, block quotes, fenced code, emphasis markers dropped, and links
//! (`[text](url)` and bare `http(s)://` addresses) numbered so the cursor
//! can select, open and copy them. What it does not know shows as typed.
//!
//! Its own rather than a crate's: notes need a handful of block kinds, and
//! each output line must know which link it holds, which a general
//! renderer would have to be wrapped for anyway.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::{width, wrap};
use crate::model::note::CONFLICT_START;
use crate::tui::theme::Theme;

/// One rendered line and the index of the link it holds, if any.
pub struct MdLine {
    pub line: Line<'static>,
    pub link: Option<usize>,
}

/// The links of `text` that the cursor can select, in order: the first
/// of each line (shown text, address).
pub fn links(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut fenced = false;
    for raw in crate::model::text::clean_multiline(text).lines() {
        if raw.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced && !raw.starts_with(CONFLICT_START) {
            out.extend(inline(raw).1.into_iter().next());
        }
    }
    out
}

/// The lines of `text` as `str::lines` gives them after
/// `clean_multiline`, cleaned one raw line at a time (so a prefix costs
/// only what it holds), each with the bytes where its raw line starts and
/// where the next one starts.
fn cleaned_lines(text: &str) -> impl Iterator<Item = (String, usize, usize)> + '_ {
    let mut rest = text;
    let (mut start, mut consumed) = (0, 0);
    let mut pending: std::vec::IntoIter<String> = Vec::new().into_iter();
    std::iter::from_fn(move || {
        loop {
            if let Some(line) = pending.next() {
                return Some((line, start, consumed));
            }
            if rest.is_empty() {
                return None;
            }
            let (raw, next) = match rest.find('\n') {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, ""),
            };
            start = consumed;
            consumed += rest.len() - next.len();
            rest = next;
            let cleaned = crate::model::text::clean_multiline(raw);
            // A line break the cleaning made (U+2028) splits the raw line;
            // `lines` gives no empty line after the last break.
            let mut parts: Vec<String> = cleaned.split('\n').map(str::to_string).collect();
            if rest.is_empty() && parts.len() > 1 && parts.last().is_some_and(String::is_empty) {
                parts.pop();
            }
            pending = parts.into_iter();
        }
    })
}

/// `line` without emphasis markers and with `[text](url)` as `text`, plus
/// the links it holds.
fn inline(line: &str) -> (String, Vec<(String, String)>) {
    let mut out = String::new();
    let mut found = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[')
            && let Some(close) = after.find("](")
            && let Some(end) = after[close + 2..].find(')')
        {
            let label = &after[..close];
            let url = &after[close + 2..close + 2 + end];
            if !url.is_empty() && !url.contains(' ') {
                out.push_str(label);
                found.push((label.to_string(), url.to_string()));
                rest = &after[close + 3 + end..];
                continue;
            }
        }
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '>' || c == ')')
                .unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            out.push_str(url);
            found.push((url.to_string(), url.to_string()));
            rest = &rest[url.len()..];
            continue;
        }
        let mut chars = rest.chars();
        let c = chars.next().unwrap_or(' ');
        let next = chars.as_str();
        // Strong emphasis and code markers are dropped.
        if rest.starts_with("**") || rest.starts_with("__") {
            rest = &rest[2..];
            continue;
        }
        if c == '`' {
            rest = next;
            continue;
        }
        out.push(c);
        rest = next;
    }
    (out, found)
}

/// Renders `text` at `cells` wide; link numbers start at `first`.
pub fn render(text: &str, cells: usize, theme: Theme, first: usize) -> Vec<MdLine> {
    render_some(text, cells, theme, first, usize::MAX, usize::MAX).lines
}

/// What [`render_some`] rendered of a text.
pub struct Rendered {
    pub lines: Vec<MdLine>,
    /// The links of the lines rendered (shown text, address), numbered
    /// from the `first` given.
    pub links: Vec<(String, String)>,
    /// Bytes of the text left out (past the limits).
    pub rest: usize,
}

/// Renders the beginning of `text`: at most `max_lines` of its lines and
/// `max_bytes` of its bytes (a line that began within them is rendered
/// whole), so the cost is what is shown, whatever the text's size.
pub fn render_some(
    text: &str,
    cells: usize,
    theme: Theme,
    first: usize,
    max_lines: usize,
    max_bytes: usize,
) -> Rendered {
    let mut r = Renderer {
        cells: cells.max(4),
        theme,
        next: first,
        fenced: false,
        out: Vec::new(),
        links: Vec::new(),
    };
    let mut rest = 0;
    for (seen, (line, start, end)) in cleaned_lines(text).enumerate() {
        if seen >= max_lines {
            rest = text.len() - start;
            break;
        }
        r.line(&line);
        if end >= max_bytes && end < text.len() {
            rest = text.len() - end;
            break;
        }
    }
    Rendered {
        lines: r.out,
        links: r.links,
        rest,
    }
}

/// Renders line after line, keeping what spans lines (code fences, link
/// numbers).
struct Renderer {
    cells: usize,
    theme: Theme,
    next: usize,
    fenced: bool,
    out: Vec<MdLine>,
    links: Vec<(String, String)>,
}

impl Renderer {
    fn push(&mut self, s: String, style: Style, link: Option<usize>) {
        self.out.push(MdLine {
            line: Line::styled(s, style),
            link,
        });
    }

    fn line(&mut self, raw: &str) {
        let (cells, theme) = (self.cells, self.theme);
        let trimmed = raw.trim_start();
        if trimmed.starts_with("```") {
            self.fenced = !self.fenced;
            return;
        }
        if self.fenced {
            // Code keeps its spacing; long lines are cut, not wrapped.
            let shown: String = format!("  {raw}")
                .chars()
                .scan(0, |w, c| {
                    *w += width(c.encode_utf8(&mut [0; 4]));
                    (*w <= cells).then_some(c)
                })
                .collect();
            self.push(shown, theme.dim(), None);
            return;
        }
        if raw.starts_with(CONFLICT_START) {
            for l in wrap(raw, cells) {
                self.push(l, theme.warn(), None);
            }
            return;
        }
        if trimmed.is_empty() {
            self.push(String::new(), Style::new(), None);
            return;
        }
        let (lead, body, style) = if let Some(h) = heading(trimmed) {
            (String::new(), h, theme.bold())
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "))
        {
            let depth = (raw.len() - trimmed.len()) / 2;
            (
                format!("{}• ", "  ".repeat(depth.min(4))),
                item,
                Style::new(),
            )
        } else if let Some(n) = numbered(trimmed) {
            (
                format!("{}. ", &trimmed[..n]),
                trimmed[n + 1..].trim_start(),
                Style::new(),
            )
        } else if let Some(q) = trimmed.strip_prefix('>') {
            ("│ ".to_string(), q.trim_start(), theme.dim())
        } else {
            (String::new(), trimmed, Style::new())
        };
        let (shown, found) = inline(body);
        let link = (!found.is_empty()).then_some(self.next);
        if let Some(first) = found.into_iter().next() {
            self.links.push(first);
            self.next += 1;
        }
        let indent = width(&lead);
        let room = cells.saturating_sub(indent).max(1);
        for (n, part) in wrap(&shown, room).into_iter().enumerate() {
            let head = if n == 0 {
                lead.clone()
            } else {
                " ".repeat(indent)
            };
            let style = if link.is_some() {
                style.patch(theme.accent())
            } else {
                style
            };
            self.out.push(MdLine {
                line: Line::from(vec![Span::raw(head), Span::styled(part, style)]),
                link,
            });
        }
    }
}

fn heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6)
        .contains(&hashes)
        .then(|| line[hashes..].strip_prefix(' '))
        .flatten()
}

/// `12. item`: the length of the number.
fn numbered(line: &str) -> Option<usize> {
    let n = line.chars().take_while(char::is_ascii_digit).count();
    (n > 0 && n < 10 && line[n..].starts_with(". ")).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str, cells: usize) -> Vec<String> {
        render(text, cells, Theme::default(), 0)
            .into_iter()
            .map(|l| l.line.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn blocks_read_plainly() {
        let text = "# Caching\nUse **ETags**.\n\n- one\n  - nested\n1. first\n> quoted\n```\nlet x = 1;\n```";
        assert_eq!(
            plain(text, 40),
            [
                "Caching",
                "Use ETags.",
                "",
                "• one",
                "  • nested",
                "1. first",
                "│ quoted",
                "  let x = 1;"
            ]
        );
    }

    #[test]
    fn links_are_numbered_in_order_and_shown_by_their_text() {
        let text = "See [the RFC](https://example.com/rfc) and\nhttps://example.org/x.\n```\nhttps://not.a.link\n```";
        assert_eq!(
            links(text),
            [
                ("the RFC".to_string(), "https://example.com/rfc".to_string()),
                (
                    "https://example.org/x".to_string(),
                    "https://example.org/x".to_string()
                ),
            ]
        );
        let lines = render(text, 40, Theme::default(), 3);
        assert_eq!(lines[0].link, Some(3));
        assert_eq!(lines[1].link, Some(4));
        assert_eq!(lines[2].link, None);
        assert_eq!(plain(text, 40)[0], "See the RFC and");
    }
}
