//! A simple layered layout for the SVG graph, so it needs no Graphviz: cycles broken by a
//! depth-first search, layers by longest path, the order within each layer by a few
//! barycentric sweeps, then rows centred under each other.

/// The size of a box to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Where each box went: its centre, and the size of the whole drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The centre of each box, in input order.
    pub centres: Vec<(f64, f64)>,
    /// The layer (row) of each box, top first.
    pub layers: Vec<usize>,
    /// Width and height of the whole drawing, margins included.
    pub width: f64,
    /// Height of the whole drawing.
    pub height: f64,
}

/// Space between boxes in a row.
const GAP_X: f64 = 40.0;
/// Space between rows, room for the edge labels.
const GAP_Y: f64 = 90.0;
/// Space around the drawing.
pub const MARGIN: f64 = 20.0;
/// Barycentric sweeps down and up; a few settle a scenario-sized graph.
const SWEEPS: usize = 4;

/// Lays out boxes of `sizes` with `edges` (from, to), `start` on top.
pub fn place(sizes: &[Size], edges: &[(usize, usize)], start: usize, top: f64) -> Placement {
    let count = sizes.len();
    let mut successors = vec![Vec::new(); count];
    for &(from, to) in edges {
        if from < count && to < count && from != to {
            successors[from].push(to);
        }
    }
    let forward = acyclic(&successors, start);
    let layers = longest_path_layers(&forward);
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for (node, &layer) in layers.iter().enumerate() {
        if rows.len() <= layer {
            rows.resize(layer + 1, Vec::new());
        }
        rows[layer].push(node);
    }
    order_rows(&mut rows, &forward);

    let row_width = |row: &[usize]| {
        row.iter().map(|&n| sizes[n].width).sum::<f64>()
            + GAP_X * row.len().saturating_sub(1) as f64
    };
    let widest = rows.iter().map(|r| row_width(r)).fold(0.0, f64::max);
    let mut centres = vec![(0.0, 0.0); count];
    let mut y = top + MARGIN;
    for row in &rows {
        let height = row.iter().map(|&n| sizes[n].height).fold(0.0, f64::max);
        let mut x = MARGIN + (widest - row_width(row)) / 2.0;
        for &node in row {
            centres[node] = (x + sizes[node].width / 2.0, y + height / 2.0);
            x += sizes[node].width + GAP_X;
        }
        y += height + GAP_Y;
    }
    Placement {
        centres,
        layers,
        width: widest + 2.0 * MARGIN,
        height: y - GAP_Y + MARGIN,
    }
}

/// The edges that go forward in a depth-first search from `start` (then from every node
/// not yet seen, in order): the graph without the edges that close a cycle.
fn acyclic(successors: &[Vec<usize>], start: usize) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let count = successors.len();
    let mut marks = vec![Mark::New; count];
    let mut forward = vec![Vec::new(); count];
    let roots = std::iter::once(start)
        .chain(0..count)
        .filter(|&r| r < count);
    for root in roots {
        if marks[root] != Mark::New {
            continue;
        }
        // An explicit stack (node, next successor to look at): a long conversation is a
        // deep path, too deep for recursion.
        let mut stack = vec![(root, 0usize)];
        marks[root] = Mark::Open;
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            top.1 += 1;
            if let Some(&to) = successors[node].get(next) {
                match marks[to] {
                    Mark::New => {
                        forward[node].push(to);
                        marks[to] = Mark::Open;
                        stack.push((to, 0));
                    }
                    Mark::Done => forward[node].push(to),
                    Mark::Open => {} // closes a cycle: left out of the layering
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    forward
}

/// The layer of each node in an acyclic graph: one below its lowest predecessor.
fn longest_path_layers(forward: &[Vec<usize>]) -> Vec<usize> {
    let count = forward.len();
    let mut indegree = vec![0usize; count];
    for targets in forward {
        for &to in targets {
            indegree[to] += 1;
        }
    }
    let mut ready: Vec<usize> = (0..count).filter(|&n| indegree[n] == 0).collect();
    ready.reverse();
    let mut layers = vec![0usize; count];
    while let Some(node) = ready.pop() {
        for &to in &forward[node] {
            layers[to] = layers[to].max(layers[node] + 1);
            indegree[to] -= 1;
            if indegree[to] == 0 {
                ready.push(to);
            }
        }
    }
    layers
}

/// Orders each row by the mean position of the node's neighbours in the row above (sweeping
/// down) or below (sweeping up), which uncrosses most edges.
fn order_rows(rows: &mut [Vec<usize>], forward: &[Vec<usize>]) {
    let count = forward.len();
    let mut predecessors = vec![Vec::new(); count];
    for (from, targets) in forward.iter().enumerate() {
        for &to in targets {
            predecessors[to].push(from);
        }
    }
    let mut position = vec![0.0f64; count];
    let remember = |rows: &[Vec<usize>], position: &mut Vec<f64>| {
        for row in rows {
            for (i, &node) in row.iter().enumerate() {
                position[node] = i as f64;
            }
        }
    };
    remember(rows, &mut position);
    for sweep in 0..SWEEPS {
        let down = sweep % 2 == 0;
        let indices: Vec<usize> = if down {
            (1..rows.len()).collect()
        } else {
            (0..rows.len().saturating_sub(1)).rev().collect()
        };
        for r in indices {
            let neighbours = if down { &predecessors } else { forward };
            let mut keyed: Vec<(f64, usize)> = rows[r]
                .iter()
                .map(|&node| {
                    let around = &neighbours[node];
                    let key = if around.is_empty() {
                        position[node]
                    } else {
                        around.iter().map(|&n| position[n]).sum::<f64>() / around.len() as f64
                    };
                    (key, node)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            rows[r] = keyed.into_iter().map(|(_, node)| node).collect();
            for (i, &node) in rows[r].iter().enumerate() {
                position[node] = i as f64;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(count: usize) -> Vec<Size> {
        vec![
            Size {
                width: 100.0,
                height: 40.0,
            };
            count
        ]
    }

    #[test]
    fn layers_follow_the_longest_path_and_cycles_do_not_loop() {
        // 0 -> 1 -> 2 -> 3, 0 -> 3, and 2 -> 0 closes a cycle.
        let edges = [(0, 1), (1, 2), (2, 3), (0, 3), (2, 0)];
        let placement = place(&boxes(4), &edges, 0, 0.0);
        assert_eq!(placement.layers, [0, 1, 2, 3]);
        let ys: Vec<f64> = placement.centres.iter().map(|c| c.1).collect();
        assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
    }

    #[test]
    fn boxes_in_a_row_do_not_overlap() {
        let edges = [(0, 1), (0, 2), (0, 3), (1, 4), (3, 4)];
        let placement = place(&boxes(5), &edges, 0, 0.0);
        let row: Vec<f64> = [1, 2, 3].iter().map(|&n| placement.centres[n].0).collect();
        let mut sorted = row.clone();
        sorted.sort_by(f64::total_cmp);
        assert!(sorted.windows(2).all(|w| w[1] - w[0] >= 100.0), "{row:?}");
        assert!(placement.width >= 3.0 * 100.0);
    }

    #[test]
    fn a_deep_chain_and_unreachable_nodes_are_placed() {
        let count = 50_000;
        let edges: Vec<(usize, usize)> = (0..count - 2).map(|i| (i, i + 1)).collect();
        let placement = place(&boxes(count), &edges, 0, 0.0);
        assert_eq!(placement.layers[count - 2], count - 2);
        // The last node has no edges: it is a root of its own, on top.
        assert_eq!(placement.layers[count - 1], 0);
    }
}
