//! Step 5 of the layout: edges between two layers. Each edge leaves its
//! node (or waypoint) at the bottom, runs along a track of the gap and
//! drops into its target with an arrow. The edges leaving one node share
//! a track (a bus); so do the options running into their choice. Buses
//! that overlap take different tracks.

use super::layout::{Item, NONE, Seg, Wire, WireKind};

/// One end of a bus: a column and the edge it belongs to.
#[derive(Debug, Clone, Copy)]
struct End {
    x: u32,
    src: u32,
    dst: u32,
    /// The item at this end (upper for tops, lower for drops).
    item: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// The edges leaving an item.
    From(u32),
    /// The options running into a choice.
    Into(u32),
    /// One edge against the flow.
    Back(u32),
}

#[derive(Debug, Clone)]
struct Bus {
    key: Key,
    tops: Vec<End>,
    drops: Vec<End>,
    track: Option<u32>,
}

impl Bus {
    fn span(&self) -> (u32, u32) {
        let xs = self.tops.iter().chain(&self.drops).map(|e| e.x);
        let lo = xs.clone().min().unwrap_or(0);
        (lo, xs.max().unwrap_or(0))
    }
}

/// Every gap's buses and how many tracks it needs.
pub(super) struct Routed {
    pub tracks: Vec<u32>,
    buses: Vec<Vec<Bus>>,
}

fn pin_x(item: &Item) -> u32 {
    item.left() + item.w / 2
}

fn is_choice_node(item: &Item, choice: &dyn Fn(u32) -> bool) -> bool {
    !item.waypoint && choice(item.owner)
}

/// Groups each gap's segments into buses, places the arrows on their
/// targets and gives overlapping buses different tracks.
pub(super) fn route(
    items: &[Item],
    segs: &[Seg],
    layer: &[u32],
    layers: usize,
    choice: &dyn Fn(u32) -> bool,
) -> Routed {
    let gaps = layers.saturating_sub(1);
    let mut per_gap: Vec<Vec<usize>> = vec![Vec::new(); gaps];
    for (i, s) in segs.iter().enumerate() {
        let l = layer[s.up as usize] as usize;
        if l < gaps {
            per_gap[l].push(i);
        }
    }
    let mut routed = Routed {
        tracks: vec![0; gaps],
        buses: Vec::with_capacity(gaps),
    };
    for (g, list) in per_gap.iter().enumerate() {
        let mut buses: Vec<Bus> = Vec::new();
        let mut keys: Vec<(Key, usize)> = list
            .iter()
            .map(|&i| {
                let s = &segs[i];
                let up = &items[s.up as usize];
                let key = if s.back {
                    Key::Back(u32::try_from(i).unwrap_or(u32::MAX))
                } else if !up.waypoint && is_choice_node(&items[s.down as usize], choice) {
                    Key::Into(s.down)
                } else {
                    Key::From(s.up)
                };
                (key, i)
            })
            .collect();
        keys.sort_unstable();
        for (key, i) in keys {
            let s = &segs[i];
            if buses.last().is_none_or(|b| b.key != key) {
                buses.push(Bus {
                    key,
                    tops: Vec::new(),
                    drops: Vec::new(),
                    track: None,
                });
            }
            let Some(bus) = buses.last_mut() else {
                continue;
            };
            let up = &items[s.up as usize];
            let top_x = if s.back && !up.waypoint {
                // Against the flow: beside the node's other edges.
                up.left() + up.w.saturating_sub(2).max(up.w / 2)
            } else {
                pin_x(up)
            };
            let top = End {
                x: top_x,
                src: s.src,
                dst: s.dst,
                item: s.up,
            };
            let drop = End {
                x: 0,
                src: s.src,
                dst: s.dst,
                item: s.down,
            };
            if let Key::Into(_) = key {
                bus.tops.push(top);
                if bus.drops.is_empty() {
                    bus.drops.push(End { src: NONE, ..drop });
                }
            } else {
                if bus.tops.is_empty() {
                    bus.tops.push(top);
                }
                bus.drops.push(drop);
            }
        }
        for bus in &mut buses {
            if let Key::From(_) = bus.key
                && bus.drops.len() > 1
                && let Some(t) = bus.tops.first_mut()
            {
                t.dst = NONE;
            }
        }
        place_arrows(&mut buses, items);
        routed.tracks[g] = assign_tracks(&mut buses, !list.is_empty());
        routed.buses.push(buses);
    }
    routed
}

/// Where each drop lands: a waypoint's column; on a node, the buses
/// arriving are spread along its top, in the order they come from.
fn place_arrows(buses: &mut [Bus], items: &[Item]) {
    let mut arrivals: Vec<(u32, f64, usize, usize)> = Vec::new();
    for (b, bus) in buses.iter().enumerate() {
        let from =
            bus.tops.iter().map(|t| f64::from(t.x)).sum::<f64>() / bus.tops.len().max(1) as f64;
        for (d, drop) in bus.drops.iter().enumerate() {
            arrivals.push((drop.item, from, b, d));
        }
    }
    arrivals.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut i = 0;
    while i < arrivals.len() {
        let item = arrivals[i].0;
        let mut j = i;
        while j < arrivals.len() && arrivals[j].0 == item {
            j += 1;
        }
        let it = &items[item as usize];
        let count = u32::try_from(j - i).unwrap_or(1);
        for (nth, arrival) in arrivals[i..j].iter().enumerate() {
            let nth = u32::try_from(nth).unwrap_or(0);
            let x = if it.waypoint || count == 1 {
                pin_x(it)
            } else {
                // Inside the node's ends, evenly.
                let inner = it.w.saturating_sub(2).max(1);
                it.left()
                    + 1
                    + if inner >= count {
                        nth * (inner - 1) / (count - 1)
                    } else {
                        nth.min(inner - 1)
                    }
            };
            buses[arrival.2].drops[arrival.3].x = x;
        }
        i = j;
    }
}

/// Gives each bus that runs across a track, reusing a track once the
/// buses on it end a cell before; edges against the flow keep the first
/// track for their arrow. Returns the tracks the gap needs.
fn assign_tracks(buses: &mut [Bus], any: bool) -> u32 {
    let mut spans: Vec<(u32, u32, usize)> = buses
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let (lo, hi) = b.span();
            (lo < hi || matches!(b.key, Key::Back(_))).then_some((lo, hi, i))
        })
        .collect();
    spans.sort_unstable();
    let mut ends: Vec<Option<u32>> = Vec::new();
    for (lo, hi, i) in spans {
        let first = usize::from(matches!(buses[i].key, Key::Back(_)));
        let free = (first..ends.len()).find(|&t| ends[t].is_none_or(|e| e + 1 < lo));
        let t = free.unwrap_or_else(|| {
            while ends.len() < first {
                ends.push(None);
            }
            ends.push(None);
            ends.len() - 1
        });
        ends[t] = Some(hi);
        buses[i].track = Some(u32::try_from(t).unwrap_or(0));
    }
    let tracks = u32::try_from(ends.len()).unwrap_or(0);
    if any { tracks.max(1) } else { tracks }
}

#[allow(clippy::too_many_lines)]
/// The wires of every gap and waypoint, with rows: node rows `y` per
/// layer; indices in `src`/`dst`/`net` become layout node indices
/// through `node_index`.
pub(super) fn wires(
    routed: &Routed,
    rows: &[Vec<u32>],
    items: &[Item],
    y: &[u32],
    node_index: &[u32],
) -> Vec<Wire> {
    let node = |i: u32| {
        if i == NONE {
            NONE
        } else {
            node_index[i as usize]
        }
    };
    let mut out = Vec::new();
    for (l, row) in rows.iter().enumerate() {
        for &it in row {
            let item = &items[it as usize];
            if item.waypoint {
                let src = node(item.owner);
                out.push(Wire {
                    kind: WireKind::Down {
                        top: true,
                        bottom: true,
                    },
                    x: pin_x(item),
                    y: y[l],
                    len: 1,
                    src: if item.back { NONE } else { src },
                    dst: if item.back { src } else { NONE },
                    net: if item.back { NONE - 1 - it } else { src },
                });
            }
        }
    }
    for (g, buses) in routed.buses.iter().enumerate() {
        let start = y[g] + 1;
        let arrow = y[g + 1] - 1;
        for (b, bus) in buses.iter().enumerate() {
            let net = match bus.key {
                Key::From(_) => bus.tops.first().map_or(NONE, |t| node(t.src)),
                Key::Into(c) => NONE / 2 + node(c),
                Key::Back(_) => {
                    NONE / 4 + u32::try_from(b).unwrap_or(0) + 4096 * u32::try_from(g).unwrap_or(0)
                }
            };
            let back = matches!(bus.key, Key::Back(_));
            let down = |x, y, len, top, bottom, src: u32, dst: u32| Wire {
                kind: WireKind::Down { top, bottom },
                x,
                y,
                len,
                src: node(src),
                dst: node(dst),
                net,
            };
            // An end on a node or a waypoint: where the line stops.
            let lands = |e: &End| -> (u32, bool) {
                let target = &items[e.item as usize];
                if target.waypoint || back {
                    (arrow, true)
                } else {
                    (arrow.saturating_sub(1), true)
                }
            };
            let arrow_on = |e: &End| !back && !items[e.item as usize].waypoint;
            let top_arrow = |e: &End| back && !items[e.item as usize].waypoint;
            match bus.track {
                None => {
                    // Straight down.
                    for (t, d) in bus.tops.iter().zip(bus.drops.iter().cycle()) {
                        let mut from = start;
                        if top_arrow(t) {
                            out.push(Wire {
                                kind: WireKind::ArrowUp,
                                len: 1,
                                ..down(t.x, start, 1, false, false, t.src, t.dst)
                            });
                            from += 1;
                        }
                        let (to, bottom) = lands(d);
                        if to >= from {
                            out.push(down(t.x, from, to - from + 1, true, bottom, t.src, d.dst));
                        }
                        if arrow_on(d) {
                            out.push(Wire {
                                kind: WireKind::ArrowDown,
                                len: 1,
                                ..down(d.x, arrow, 1, false, false, d.src, d.dst)
                            });
                        }
                    }
                }
                Some(track) => {
                    let r = start + track;
                    for t in &bus.tops {
                        let mut from = start;
                        if top_arrow(t) {
                            out.push(Wire {
                                kind: WireKind::ArrowUp,
                                len: 1,
                                ..down(t.x, start, 1, false, false, t.src, t.dst)
                            });
                            from += 1;
                        }
                        if r >= from {
                            out.push(down(t.x, from, r - from + 1, true, false, t.src, t.dst));
                        }
                    }
                    for d in &bus.drops {
                        for t in &bus.tops {
                            let (lo, hi) = (t.x.min(d.x), t.x.max(d.x));
                            if hi > lo {
                                let (src, dst) = match bus.key {
                                    Key::Into(_) => (t.src, t.dst),
                                    _ => (d.src, d.dst),
                                };
                                out.push(Wire {
                                    kind: WireKind::Across,
                                    x: lo,
                                    y: r,
                                    len: hi - lo + 1,
                                    src: node(src),
                                    dst: node(dst),
                                    net,
                                });
                            }
                        }
                        let (to, bottom) = lands(d);
                        if to >= r {
                            out.push(down(d.x, r, to - r + 1, false, bottom, d.src, d.dst));
                        }
                        if arrow_on(d) {
                            out.push(Wire {
                                kind: WireKind::ArrowDown,
                                len: 1,
                                ..down(d.x, arrow, 1, false, false, d.src, d.dst)
                            });
                        }
                    }
                }
            }
        }
    }
    out.sort_unstable_by_key(|w| (w.y, w.x, w.len));
    out
}
