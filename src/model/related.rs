//! Related stories: those sharing neighbourhoods (weighing most) and tags, nearest in time.
//!
//! Each term's story list is sorted by index (newest first), so only a window of stories
//! around the story itself is scored: linear in the number of stories, however large a tag.

use std::collections::HashMap;

use super::{Idx, Neighbourhood, Story, Tag};

const WINDOW: usize = 24;
const SHOWN: usize = 3;

pub fn fill(stories: &mut [Story], neighbourhoods: &[Neighbourhood], tags: &[Tag]) {
    let related: Vec<Vec<Idx>> = (0..stories.len())
        .map(|i| {
            let story = &stories[i];
            let mut scores: HashMap<Idx, u32> = HashMap::new();
            for &h in &story.neighbourhoods {
                score_window(&neighbourhoods[h].stories, i, 3, &mut scores);
            }
            for &t in &story.tags {
                score_window(&tags[t].stories, i, 1, &mut scores);
            }
            let mut ranked: Vec<(Idx, u32)> = scores.into_iter().collect();
            ranked.sort_by_key(|&(j, score)| (std::cmp::Reverse(score), j.abs_diff(i), j));
            ranked.into_iter().take(SHOWN).map(|(j, _)| j).collect()
        })
        .collect();
    for (story, related) in stories.iter_mut().zip(related) {
        story.related = related;
    }
}

fn score_window(list: &[Idx], i: Idx, weight: u32, scores: &mut HashMap<Idx, u32>) {
    let at = list.partition_point(|&j| j < i);
    let from = at.saturating_sub(WINDOW);
    let to = (at + WINDOW + 1).min(list.len());
    for &j in &list[from..to] {
        if j != i {
            *scores.entry(j).or_default() += weight;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_scores_neighbours_only() {
        let list: Vec<Idx> = (0..100).collect();
        let mut scores = HashMap::new();
        score_window(&list, 50, 2, &mut scores);
        assert_eq!(scores.len(), 2 * WINDOW);
        assert!(!scores.contains_key(&50));
        assert_eq!(scores[&26], 2);
    }
}
