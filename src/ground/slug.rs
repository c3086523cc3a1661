//! Slugs: lowercase ASCII words joined by hyphens, diacritics folded (Creëer -> creeer).

/// The slug of `text`.
pub(crate) fn slugify(text: &str) -> String {
    let folded = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') && c != '\'' {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_punctuation() {
        assert_eq!(
            slugify("Creëer gedeelde ervaringen"),
            "creeer-gedeelde-ervaringen"
        );
        assert_eq!(slugify("  De Drecht!  "), "de-drecht");
        assert_eq!(slugify("Café 't Hoekje"), "cafe-t-hoekje");
        assert_eq!(slugify("Zo’n ankerpunt"), "zon-ankerpunt");
        assert_eq!(slugify("---"), "");
    }
}
