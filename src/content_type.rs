//! The content types: one per folder under content/, each with its own front matter. The one
//! list every stage and command names them by. Knows nothing of the stages.

use std::path::Path;

/// What a content file is, from the folder it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum ContentType {
    Story,
    Event,
    Neighbourhood,
    Person,
    Page,
}

impl ContentType {
    pub const ALL: [ContentType; 5] = [
        ContentType::Story,
        ContentType::Event,
        ContentType::Neighbourhood,
        ContentType::Person,
        ContentType::Page,
    ];

    /// The name of one: "story", as in messages and `plein schema story`.
    pub fn name(self) -> &'static str {
        match self {
            ContentType::Story => "story",
            ContentType::Event => "event",
            ContentType::Neighbourhood => "neighbourhood",
            ContentType::Person => "person",
            ContentType::Page => "page",
        }
    }

    /// The folder under content/.
    pub fn folder(self) -> &'static str {
        match self {
            ContentType::Story => "stories",
            ContentType::Event => "events",
            ContentType::Neighbourhood => "neighbourhoods",
            ContentType::Person => "people",
            ContentType::Page => "pages",
        }
    }

    /// The type of a content path, from its first folder under content/.
    pub fn of(path: &Path) -> Option<ContentType> {
        let folder = path.strip_prefix("content").ok()?.components().next()?;
        ContentType::ALL
            .into_iter()
            .find(|t| folder.as_os_str() == t.folder())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_folder() {
        assert_eq!(
            ContentType::of(Path::new("content/stories/a.md")),
            Some(ContentType::Story)
        );
        assert_eq!(
            ContentType::of(Path::new("content/people/x/index.md")),
            Some(ContentType::Person)
        );
        assert_eq!(ContentType::of(Path::new("content/misc/a.md")), None);
        assert_eq!(ContentType::of(Path::new("stories/a.md")), None);
    }

    #[test]
    fn the_command_line_names_them_as_messages_do() {
        use clap::ValueEnum;
        for t in ContentType::ALL {
            let value = t.to_possible_value().expect("not skipped");
            assert_eq!(value.get_name(), t.name());
        }
    }
}
