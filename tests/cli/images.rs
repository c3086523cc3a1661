//! Pictures beside content: measured, copied in smaller widths for srcset, kept between builds.

use std::os::unix::fs::MetadataExt;

use crate::support::Site;

fn inode(site: &Site, rel: &str) -> u64 {
    let path = site.public().join(rel);
    std::fs::metadata(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .ino()
}

#[test]
fn pictures_get_smaller_copies_with_srcset_width_and_height() {
    let site = Site::copy("images");
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/de-tuin/index.html");
    assert!(
        story.contains(r#"srcset="/verhalen/de-tuin/tuin-480w.jpg 480w, /verhalen/de-tuin/tuin-800w.jpg 800w, /verhalen/de-tuin/tuin.jpg 1000w""#),
        "{story}"
    );
    assert!(story.contains(r#"width="1000" height="625""#), "{story}");
    let dir = site.public().join("verhalen/de-tuin");
    let copy = image::open(dir.join("tuin-480w.jpg")).expect("a JPEG copy");
    assert_eq!((copy.width(), copy.height()), (480, 300));
    assert!(
        !dir.join("tuin-1200w.jpg").exists(),
        "never wider than the picture"
    );
    let hood = site.page("buurten/oost/index.html");
    assert!(hood.contains("/buurten/oost-480w.png 480w"), "{hood}");
    assert!(hood.contains(r#"width="600" height="400""#), "{hood}");
    let home = site.page("index.html");
    assert!(!home.contains(r#"tuin.jpg" loading"#));
}

#[test]
fn unchanged_pictures_are_kept_and_changed_ones_made_again() {
    let site = Site::copy("images");
    site.plein(&["build"]).ok();
    let before = inode(&site, "verhalen/de-tuin/tuin-800w.jpg");
    site.plein(&["build"]).ok();
    assert_eq!(
        inode(&site, "verhalen/de-tuin/tuin-800w.jpg"),
        before,
        "an unchanged picture's copy is carried over, not made again"
    );
    let bigger = image::RgbImage::from_pixel(900, 900, image::Rgb([40, 120, 80]));
    bigger
        .save(site.root().join("content/stories/de-tuin/tuin.jpg"))
        .unwrap();
    site.plein(&["build"]).ok();
    let copy = image::open(site.public().join("verhalen/de-tuin/tuin-800w.jpg")).unwrap();
    assert_eq!((copy.width(), copy.height()), (800, 800));
    assert!(
        !site
            .public()
            .join("verhalen/de-tuin/tuin-1200w.jpg")
            .exists()
    );
}

#[test]
fn a_file_that_is_not_a_picture_is_an_error() {
    let site = Site::copy("images");
    site.write("content/stories/de-tuin/tuin.jpg", "not a picture");
    let run = site.plein(&["build"]);
    run.fails(1);
    assert!(
        run.stderr.contains("tuin.jpg") && run.stderr.contains("not a picture plein can read"),
        "{}",
        run.stderr
    );
}
