//! Related stories: those sharing neighbourhoods (weighing most) and tags, nearest in time.
//!
//! Each term's story list is sorted by index (newest first), so only a window of stories
//! around the story itself is scored: linear in the number of stories, however large a tag.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use super::{Idx, Neighbourhood, Story, Tag};

const WINDOW: usize = 16;
const SHOWN: usize = 3;

/// Fill every story's `related`. `cache` holds, per story index, a fingerprint of the windows
/// the choice was made from and the choice: a story whose windows are the same keeps it, so an
/// edit that moves nothing re-scores nothing.
pub(super) fn fill(
    stories: &mut [Story],
    neighbourhoods: &[Neighbourhood],
    tags: &[Tag],
    cache: &mut Vec<(u64, Vec<Idx>)>,
) {
    let previous = &*cache;
    let chosen: Vec<(u64, Vec<Idx>)> = (0..stories.len())
        .into_par_iter()
        .map(|i| {
            let story = &stories[i];
            let windows = || {
                let hoods = story
                    .neighbourhoods
                    .iter()
                    .map(|&h| (window(&neighbourhoods[h].stories, i), 3));
                let terms = story.tags.iter().map(|&t| (window(&tags[t].stories, i), 1));
                hoods.chain(terms)
            };
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            i.hash(&mut h);
            for (list, weight) in windows() {
                (list, weight).hash(&mut h);
            }
            let print = h.finish();
            if let Some((p, related)) = previous.get(i)
                && *p == print
            {
                return (print, related.clone());
            }
            let mut votes: Vec<(Idx, u32)> = Vec::new();
            for (list, weight) in windows() {
                votes.extend(list.iter().filter(|&&j| j != i).map(|&j| (j, weight)));
            }
            let mut ranked = sum_votes(votes);
            ranked.sort_by_key(|&(j, score)| (std::cmp::Reverse(score), j.abs_diff(i), j));
            (
                print,
                ranked.into_iter().take(SHOWN).map(|(j, _)| j).collect(),
            )
        })
        .collect();
    for (story, (_, related)) in stories.iter_mut().zip(&chosen) {
        story.related.clone_from(related);
    }
    *cache = chosen;
}

/// The stories near `i` in `list`, `i` itself among them when it is there.
fn window(list: &[Idx], i: Idx) -> &[Idx] {
    let at = list.partition_point(|&j| j < i);
    let from = at.saturating_sub(WINDOW);
    let to = (at + WINDOW + 1).min(list.len());
    &list[from..to]
}

/// One score per story: a few hundred votes sort faster than they hash.
fn sum_votes(mut votes: Vec<(Idx, u32)>) -> Vec<(Idx, u32)> {
    votes.sort_unstable_by_key(|&(j, _)| j);
    let mut summed: Vec<(Idx, u32)> = Vec::with_capacity(votes.len());
    for (j, w) in votes {
        match summed.last_mut() {
            Some((last, total)) if *last == j => *total += w,
            _ => summed.push((j, w)),
        }
    }
    summed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_scores_neighbours_only() {
        let list: Vec<Idx> = (0..100).collect();
        let mut votes = Vec::new();
        for (list, weight) in [(&list[..], 2), (&[40, 50][..], 1)] {
            let near = window(list, 50).iter().filter(|&&j| j != 50);
            votes.extend(near.map(|&j| (j, weight)));
        }
        let scores = sum_votes(votes);
        assert_eq!(scores.len(), 2 * WINDOW);
        assert!(!scores.iter().any(|&(j, _)| j == 50));
        assert_eq!(scores.iter().find(|&&(j, _)| j == 40), Some(&(40, 3)));
    }
}
