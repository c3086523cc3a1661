//! Related stories: those sharing neighbourhoods (weighing most) and tags, nearest in time.
//!
//! Each term's story list is sorted by index (newest first), so only a window of stories
//! around the story itself is scored: linear in the number of stories, however large a tag.

use rayon::prelude::*;

use super::{Idx, Neighbourhood, Story, Tag};

const WINDOW: usize = 16;
const SHOWN: usize = 3;

pub fn fill(stories: &mut [Story], neighbourhoods: &[Neighbourhood], tags: &[Tag]) {
    let related: Vec<Vec<Idx>> = (0..stories.len())
        .into_par_iter()
        .map(|i| {
            let story = &stories[i];
            let mut votes: Vec<(Idx, u32)> = Vec::new();
            for &h in &story.neighbourhoods {
                score_window(&neighbourhoods[h].stories, i, 3, &mut votes);
            }
            for &t in &story.tags {
                score_window(&tags[t].stories, i, 1, &mut votes);
            }
            let mut ranked = sum_votes(votes);
            ranked.sort_by_key(|&(j, score)| (std::cmp::Reverse(score), j.abs_diff(i), j));
            ranked.into_iter().take(SHOWN).map(|(j, _)| j).collect()
        })
        .collect();
    for (story, related) in stories.iter_mut().zip(related) {
        story.related = related;
    }
}

/// A vote of `weight` for each story near `i` in `list`.
fn score_window(list: &[Idx], i: Idx, weight: u32, votes: &mut Vec<(Idx, u32)>) {
    let at = list.partition_point(|&j| j < i);
    let from = at.saturating_sub(WINDOW);
    let to = (at + WINDOW + 1).min(list.len());
    votes.extend(
        list[from..to]
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| (j, weight)),
    );
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
        score_window(&list, 50, 2, &mut votes);
        score_window(&[40, 50], 50, 1, &mut votes);
        let scores = sum_votes(votes);
        assert_eq!(scores.len(), 2 * WINDOW);
        assert!(!scores.iter().any(|&(j, _)| j == 50));
        assert_eq!(scores.iter().find(|&&(j, _)| j == 40), Some(&(40, 3)));
    }
}
