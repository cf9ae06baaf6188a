//! A window of the layout as glyphs: the wires that cross it merged into
//! box-drawing characters (a junction where one node's edges meet, a plain
//! vertical where unrelated edges cross), each cell with the brightest
//! "light" of the wires through it. Nodes and band titles are left to the
//! caller, which writes them over this.

use super::layout::{Layout, Wire, WireKind};

const UP: u8 = 1;
const DOWN: u8 = 2;
const LEFT: u8 = 4;
const RIGHT: u8 = 8;

/// One cell of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cell {
    /// `' '` where nothing is drawn.
    pub ch: char,
    /// What the caller's `light` said of the wires drawn here (the
    /// highest).
    pub light: u8,
}

/// The window `(x, y, width, height)` of `layout`, row by row.
pub struct Raster {
    pub width: usize,
    pub height: usize,
    pub cells: Vec<Cell>,
}

impl Raster {
    pub fn get(&self, x: usize, y: usize) -> Cell {
        self.cells[y * self.width + x]
    }
}

#[derive(Clone, Copy, Default)]
struct Work {
    bits: u8,
    h_net: Option<u32>,
    joined: bool,
    crossed: bool,
    v_light: u8,
    h_light: u8,
    arrow: Option<char>,
}

/// Draws the wires of `layout` inside the window; `light` ranks each wire
/// (0 dim … higher brighter) for the caller's colours.
pub fn raster(
    layout: &Layout,
    window: (u32, u32, u32, u32),
    light: impl Fn(&Wire) -> u8,
) -> Raster {
    let (x0, y0, w, h) = window;
    let (width, height) = (w as usize, h as usize);
    let mut work = vec![Work::default(); width * height];
    let inside = |x: u32, y: u32| x >= x0 && x < x0 + w && y >= y0 && y < y0 + h;
    let at = |x: u32, y: u32| (y - y0) as usize * width + (x - x0) as usize;
    let wires: Vec<&Wire> = layout.wires_in(y0..y0 + h).collect();
    // Tracks first, so each vertical knows whether it joins the track it
    // meets or crosses it.
    for wire in wires.iter().filter(|w| w.kind == WireKind::Across) {
        if wire.right() < x0 || wire.x >= x0 + w {
            continue;
        }
        let lit = light(wire);
        for x in wire.x.max(x0)..=wire.right().min(x0 + w - 1) {
            if !inside(x, wire.y) {
                continue;
            }
            let c = &mut work[at(x, wire.y)];
            if x > wire.x {
                c.bits |= LEFT;
            }
            if x < wire.right() {
                c.bits |= RIGHT;
            }
            c.h_net = Some(wire.net);
            c.h_light = c.h_light.max(lit);
        }
    }
    for wire in &wires {
        if wire.x < x0 || wire.x >= x0 + w {
            continue;
        }
        let lit = light(wire);
        match wire.kind {
            WireKind::Down { top, bottom } => {
                for y in wire.y..=wire.bottom() {
                    if !inside(wire.x, y) {
                        continue;
                    }
                    let c = &mut work[at(wire.x, y)];
                    if y > wire.y || top {
                        c.bits |= UP;
                    }
                    if y < wire.bottom() || bottom {
                        c.bits |= DOWN;
                    }
                    match c.h_net {
                        Some(n) if n == wire.net => c.joined = true,
                        Some(_) => c.crossed = true,
                        None => {}
                    }
                    c.v_light = c.v_light.max(lit);
                }
            }
            WireKind::ArrowDown | WireKind::ArrowUp => {
                if inside(wire.x, wire.y) {
                    let c = &mut work[at(wire.x, wire.y)];
                    c.arrow = Some(if wire.kind == WireKind::ArrowDown {
                        '▼'
                    } else {
                        '▲'
                    });
                    c.v_light = c.v_light.max(lit);
                }
            }
            WireKind::Across => {}
        }
    }
    let cells = work
        .iter()
        .map(|c| {
            if let Some(a) = c.arrow {
                return Cell {
                    ch: a,
                    light: c.v_light,
                };
            }
            let vertical = c.bits & (UP | DOWN);
            if c.crossed && !c.joined && vertical != 0 {
                // Unrelated lines: the vertical passes over the track.
                return Cell {
                    ch: '│',
                    light: c.v_light,
                };
            }
            Cell {
                ch: glyph(c.bits),
                light: c.v_light.max(c.h_light),
            }
        })
        .collect();
    Raster {
        width,
        height,
        cells,
    }
}

/// The box-drawing character joining the given sides.
fn glyph(bits: u8) -> char {
    match bits {
        0 => ' ',
        b if b == UP | DOWN || b == UP || b == DOWN => '│',
        b if b == LEFT | RIGHT || b == LEFT || b == RIGHT => '─',
        b if b == DOWN | RIGHT => '╭',
        b if b == DOWN | LEFT => '╮',
        b if b == UP | RIGHT => '╰',
        b if b == UP | LEFT => '╯',
        b if b == UP | DOWN | RIGHT => '├',
        b if b == UP | DOWN | LEFT => '┤',
        b if b == DOWN | LEFT | RIGHT => '┬',
        b if b == UP | LEFT | RIGHT => '┴',
        _ => '┼',
    }
}
