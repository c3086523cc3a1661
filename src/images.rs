//! Images: the pictures of stories, people and neighbourhoods, measured and resized into a
//! few widths for `srcset`, so a phone does not download a picture made for a desktop.
//!
//! [`measure`] runs between model and render: it reads each picture beside the content, sets
//! its [`ImageSize`] and plans its smaller copies. [`resize`] runs after render and makes only
//! the copies whose source changed: a copy's fingerprint is the source's hash and its width,
//! so an unchanged picture is kept from the previous output (by `write::Staging::keep_unchanged`
//! or by serve's folder) and costs one read and one hash. Nothing here knows of templates.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageFormat};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Problem};
use crate::load::Asset;
use crate::model::{ImageSize, Site};
use crate::render::{Output, PageCache, Rendered, Sink};

/// The widths of the smaller copies; none is made at or above the picture's own width.
pub const WIDTHS: [u32; 3] = [480, 800, 1200];

/// JPEG quality of the copies: small files without visible blocks.
const QUALITY: u8 = 80;

/// Bumped when the copies would come out differently, so old ones are made again.
const RECIPE: u64 = 1;

/// One smaller copy of a picture, to make.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The picture, relative to the site root.
    source: PathBuf,
    /// The copy, relative to the output folder.
    target: PathBuf,
    width: u32,
    format: ImageFormat,
    /// Source hash, width and recipe: equal fingerprints make equal files.
    print: u64,
}

/// Set the size of every picture of the site that lies beside the content, and plan its
/// copies. Pictures elsewhere (another host, `static/`) are left as they are.
pub fn measure(root: &Path, site: &mut Site, errs: &mut Diagnostics) -> Vec<Variant> {
    let used: HashSet<&str> = site
        .stories
        .iter()
        .filter_map(|s| s.image.as_ref())
        .chain(site.people.iter().filter_map(|p| p.image.as_ref()))
        .chain(site.neighbourhoods.iter().filter_map(|n| n.image.as_ref()))
        .map(|i| i.url.as_str())
        .collect();
    let sources: BTreeMap<String, &Asset> = site
        .assets
        .iter()
        .filter(|a| format_of(&a.target).is_some())
        .map(|a| (site.urls.root(&url_path(&a.target)), a))
        .collect();
    let mut measured: HashMap<String, Option<ImageSize>> = HashMap::new();
    let mut copies = Vec::new();
    for (url, asset) in &sources {
        if !used.contains(url.as_str()) {
            continue;
        }
        let size = match plan(root, asset, url) {
            Ok((size, planned)) => {
                copies.extend(planned);
                Some(size)
            }
            Err(d) => {
                errs.push(d);
                None
            }
        };
        measured.insert(url.clone(), size);
    }
    let images = site
        .stories
        .iter_mut()
        .filter_map(|s| s.image.as_mut())
        .chain(site.people.iter_mut().filter_map(|p| p.image.as_mut()))
        .chain(
            site.neighbourhoods
                .iter_mut()
                .filter_map(|n| n.image.as_mut()),
        );
    for image in images {
        if let Some(size) = measured.get(&image.url) {
            image.size = size.clone();
        }
    }
    copies
}

/// Make the copies that the previous build (`previous`) does not have as they are now, in
/// parallel, and record every copy's fingerprint in `rendered`.
pub fn resize(
    root: &Path,
    copies: &[Variant],
    previous: &PageCache,
    rendered: &mut Rendered,
    sink: &Sink,
    errs: &mut Diagnostics,
) {
    let todo: Vec<&Variant> = copies
        .iter()
        .filter(|c| previous.pages.get(&c.target) != Some(&c.print))
        .collect();
    // One decode per picture, however many of its copies are needed.
    let mut by_source: BTreeMap<&Path, Vec<&Variant>> = BTreeMap::new();
    for c in &todo {
        by_source.entry(c.source.as_path()).or_default().push(c);
    }
    let done: Vec<(usize, Vec<Diagnostic>)> = by_source
        .par_iter()
        .map(
            |(source, wanted)| match decode(root, source, wanted[0].format) {
                Ok(picture) => {
                    let problems: Vec<Diagnostic> = wanted
                        .iter()
                        .filter_map(|c| make(&picture, c).and_then(sink).err())
                        .collect();
                    (wanted.len() - problems.len(), problems)
                }
                Err(d) => (0, vec![d]),
            },
        )
        .collect();
    for (made, problems) in done {
        rendered.written += made;
        errs.extend(problems);
    }
    rendered.unchanged += copies.len() - todo.len();
    for c in copies {
        rendered.cache.pages.insert(c.target.clone(), c.print);
    }
}

/// Read a picture's size from its header and plan its copies.
fn plan(root: &Path, asset: &Asset, url: &str) -> Result<(ImageSize, Vec<Variant>), Diagnostic> {
    let source = asset.source.as_path();
    let unreadable = |why: String| Diagnostic::in_file(source, Problem::Read(why));
    let bytes = std::fs::read(root.join(source)).map_err(|e| unreadable(e.to_string()))?;
    let format = format_of(source).expect("only pictures are measured");
    let (width, height) = image::ImageReader::with_format(Cursor::new(&bytes), format)
        .into_dimensions()
        .map_err(|e| unreadable(format!("not a picture plein can read: {e}")))?;
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let target_of = |w: u32| copy_path(&asset.target, w);
    let copies: Vec<Variant> = WIDTHS
        .iter()
        .filter(|&&w| w < width)
        .map(|&w| Variant {
            source: source.to_path_buf(),
            target: target_of(w),
            width: w,
            format,
            print: xxhash_rust::xxh3::xxh3_64(
                &[hash, u64::from(w), RECIPE].map(u64::to_le_bytes).concat(),
            ),
        })
        .collect();
    let mut srcset: Vec<String> = copies
        .iter()
        .map(|c| format!("{} {}w", sibling_url(url, &c.target), c.width))
        .collect();
    srcset.push(format!("{url} {width}w"));
    let size = ImageSize {
        width,
        height,
        srcset: srcset.join(", "),
    };
    Ok((size, copies))
}

/// Read and decode a picture.
fn decode(root: &Path, source: &Path, format: ImageFormat) -> Result<DynamicImage, Diagnostic> {
    let unreadable = |why: String| Diagnostic::in_file(source, Problem::Read(why));
    let bytes = std::fs::read(root.join(source)).map_err(|e| unreadable(e.to_string()))?;
    image::load_from_memory_with_format(&bytes, format)
        .map_err(|e| unreadable(format!("not a picture plein can read: {e}")))
}

/// Scale `picture` down and encode it as the copy `c`.
fn make(picture: &DynamicImage, c: &Variant) -> Result<Output, Diagnostic> {
    let unreadable = |why: String| Diagnostic::in_file(&c.source, Problem::Read(why));
    let height = scaled_height(picture.width(), picture.height(), c.width);
    // Area averaging: sharp enough for scaling down, and cheap. A method of DynamicImage, not
    // a generic function, so it runs as optimised as the image crate (opt-level 1 in a debug
    // build) rather than as plein's own unoptimised code: 0.5 s a picture less in tests.
    let mut out = Vec::new();
    let small = picture.thumbnail_exact(c.width, height);
    let encoded = match c.format {
        ImageFormat::Jpeg => DynamicImage::ImageRgb8(small.into_rgb8()).write_with_encoder(
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, QUALITY),
        ),
        _ => small.write_to(&mut Cursor::new(&mut out), ImageFormat::Png),
    };
    encoded.map_err(|e| unreadable(format!("cannot make a smaller copy: {e}")))?;
    Ok(Output {
        path: c.target.clone(),
        bytes: out,
    })
}

/// The height that keeps the proportions at `width`, at least one pixel.
fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1) as u32
}

fn format_of(path: &Path) -> Option<ImageFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
        "png" => Some(ImageFormat::Png),
        _ => None,
    }
}

/// `foto.jpg` at 480 px: `foto-480w.jpg`, beside it.
fn copy_path(path: &Path, width: u32) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let ext = path.extension().unwrap_or_default().to_string_lossy();
    let name = format!("{stem}-{width}w.{ext}");
    path.with_file_name(name)
}

/// The URL of `target` (a copy beside the picture at `url`).
fn sibling_url(url: &str, target: &Path) -> String {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    match url.rfind('/') {
        Some(i) => format!("{}{name}", &url[..=i]),
        None => name.into_owned(),
    }
}

/// An output path as the path part of a URL.
fn url_path(target: &Path) -> String {
    target
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_sit_beside_the_picture() {
        let p = copy_path(Path::new("verhalen/tafel/tafel.jpg"), 480);
        assert_eq!(p, Path::new("verhalen/tafel/tafel-480w.jpg"));
        assert_eq!(
            sibling_url("/verhalen/tafel/tafel.jpg", &p),
            "/verhalen/tafel/tafel-480w.jpg"
        );
    }

    #[test]
    fn heights_keep_the_proportions() {
        assert_eq!(scaled_height(1600, 1000, 480), 300);
        assert_eq!(scaled_height(1000, 1, 480), 1);
    }
}
