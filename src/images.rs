//! Images: every JPEG and PNG the site publishes (beside the content or in `static/`), made
//! safe to publish and, for the pictures pages show, copied in a few widths for `srcset`, so a
//! phone does not download a picture made for a desktop.
//!
//! A picture is published at its own address without metadata ([`strip`]: no GPS position,
//! camera serial or comment leaves the site folder), turned the way the photo was taken and
//! no wider than `image_max_width`. One that needs neither turning nor scaling keeps its
//! picture data byte for byte; the others are decoded and encoded again at high quality.
//!
//! [`measure`] runs between model and render: it reads each picture, sets the published
//! [`ImageSize`] of those pages show and plans what to write. [`resize`] runs after render
//! and makes only what changed: an output's fingerprint is the source's hash and what is made
//! of it, so an unchanged picture is kept from the previous output (by
//! `write::Staging::keep_unchanged` or by serve's folder) and costs one read and one hash.
//! Nothing here knows of templates.

mod strip;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Problem};
use crate::ground::output::{Output, Outputs, Sink};
use crate::load::Asset;
use crate::model::{ImageSize, Site};

/// The widths of the smaller copies; none is made at or above the published width.
pub(crate) const WIDTHS: [u32; 3] = [480, 800, 1200];

/// JPEG quality of the smaller copies: small files without visible blocks.
const QUALITY: u8 = 80;

/// JPEG quality of a picture published at its own address after turning or scaling: it is
/// what large screens show, so it loses as little as it can and stays a sensible size.
const FULL_QUALITY: u8 = 90;

/// Bumped when the outputs would come out differently, so old ones are made again.
const RECIPE: u64 = 2;

/// One file to make from a picture: the picture itself or a smaller copy.
#[derive(Debug, Clone)]
pub(crate) struct Variant {
    /// The picture, relative to the site root.
    source: PathBuf,
    /// The output, relative to the output folder.
    target: PathBuf,
    format: ImageFormat,
    /// How the picture must be turned to stand upright.
    turn: Orientation,
    make: Make,
    /// Source hash, what is made and recipe: equal fingerprints make equal files.
    print: u64,
}

/// What a [`Variant`] is made as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Make {
    /// The file's own picture data without its metadata: upright already and narrow enough.
    Stripped,
    /// Decoded, turned upright, scaled to `width` and encoded at `quality` (JPEG).
    Drawn { width: u32, quality: u8 },
}

/// A picture's published size, and the files to make of it.
type Planned = (ImageSize, Vec<Variant>);

/// Whether `path` is a picture plein publishes through this module.
pub(crate) fn is_picture(path: &Path) -> bool {
    format_of(path).is_some()
}

/// Plan every picture of `pictures` (JPEG and PNG files to publish), and set the size of
/// those that pages of the site show, with copies for `srcset`.
pub(crate) fn measure(
    root: &Path,
    site: &mut Site,
    pictures: &[Asset],
    errs: &mut Diagnostics,
) -> Vec<Variant> {
    let used: HashSet<&str> = site
        .stories
        .iter()
        .filter_map(|s| s.image.as_ref())
        .chain(site.people.iter().filter_map(|p| p.image.as_ref()))
        .chain(site.neighbourhoods.iter().filter_map(|n| n.image.as_ref()))
        .map(|i| i.url.as_str())
        .collect();
    let max_width = site.config.image_max_width;
    let planned: Vec<(String, Result<Planned, Diagnostic>)> = pictures
        .par_iter()
        .map(|asset| {
            let url = site.urls.root(&url_path(&asset.target));
            let shown = used.contains(url.as_str());
            let plan = plan(root, asset, &url, shown, max_width);
            (url, plan)
        })
        .collect();
    let mut measured: HashMap<String, ImageSize> = HashMap::new();
    let mut variants = Vec::new();
    for (url, plan) in planned {
        match plan {
            Ok((size, planned)) => {
                variants.extend(planned);
                measured.insert(url, size);
            }
            Err(d) => errs.push(d),
        }
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
            image.size = Some(size.clone());
        }
    }
    variants
}

/// Make the outputs that the previous build does not have as they are now, in parallel, and
/// record every output's fingerprint in `out`.
pub(crate) fn resize(root: &Path, variants: &[Variant], out: &mut Outputs) {
    let todo: Vec<&Variant> = variants
        .iter()
        .filter(|c| !out.unchanged(&c.target.to_string_lossy(), c.print))
        .collect();
    // One read and at most one decode per picture, however many of its outputs are needed.
    let mut by_source: BTreeMap<&Path, Vec<&Variant>> = BTreeMap::new();
    for c in &todo {
        by_source.entry(c.source.as_path()).or_default().push(c);
    }
    let sink = out.sink();
    let done: Vec<Vec<Result<(), Diagnostic>>> = by_source
        .par_iter()
        .map(|(source, wanted)| {
            make_all(root, source, wanted, sink).unwrap_or_else(|d| vec![Err(d)])
        })
        .collect();
    for sent in done.into_iter().flatten() {
        out.sent(sent);
    }
}

/// Read a picture's size and orientation, and plan its outputs: itself, and when a page
/// shows it (`shown`) its smaller copies.
fn plan(
    root: &Path,
    asset: &Asset,
    url: &str,
    shown: bool,
    max_width: u32,
) -> Result<Planned, Diagnostic> {
    let source = asset.source.as_path();
    let unreadable = |problem| Diagnostic::in_file(source, problem);
    let bytes =
        std::fs::read(root.join(source)).map_err(|e| unreadable(Problem::unreadable(&e)))?;
    let format = format_of(source).expect("only pictures are planned");
    let (stored_w, stored_h) = image::ImageReader::with_format(Cursor::new(&bytes), format)
        .into_dimensions()
        .map_err(|e| unreadable(Problem::told("picture-unreadable", &[("reason", &e)])))?;
    let turn = strip::orientation(&bytes, format);
    let (upright_w, upright_h) = if turns_sideways(turn) {
        (stored_h, stored_w)
    } else {
        (stored_w, stored_h)
    };
    let width = upright_w.min(max_width.max(1));
    let height = scaled_height(upright_w, upright_h, width);
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let variant = |target: PathBuf, make: Make| {
        let (w, q) = match make {
            Make::Stripped => (0, 0),
            Make::Drawn { width, quality } => (width, quality),
        };
        let print = [hash, u64::from(w), u64::from(q), RECIPE].map(u64::to_le_bytes);
        Variant {
            source: source.to_path_buf(),
            target,
            format,
            turn,
            make,
            print: xxhash_rust::xxh3::xxh3_64(&print.concat()),
        }
    };
    let own = if turn == Orientation::NoTransforms && width == upright_w {
        Make::Stripped
    } else {
        Make::Drawn {
            width,
            quality: FULL_QUALITY,
        }
    };
    let mut variants = vec![variant(asset.target.clone(), own)];
    let mut srcset = Vec::new();
    for w in WIDTHS.into_iter().filter(|&w| shown && w < width) {
        let target = copy_path(&asset.target, w);
        srcset.push(format!("{} {w}w", sibling_url(url, &target)));
        let make = Make::Drawn {
            width: w,
            quality: QUALITY,
        };
        variants.push(variant(target, make));
    }
    srcset.push(format!("{url} {width}w"));
    let size = ImageSize {
        width,
        height,
        srcset: srcset.join(", "),
    };
    Ok((size, variants))
}

/// Whether `turn` swaps width and height.
fn turns_sideways(turn: Orientation) -> bool {
    matches!(
        turn,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Make the outputs `wanted` of the picture at `source` and hand them to `sink`; the problems
/// of outputs that failed come back, a picture that cannot be read is the error.
fn make_all(
    root: &Path,
    source: &Path,
    wanted: &[&Variant],
    sink: &Sink,
) -> Result<Vec<Result<(), Diagnostic>>, Diagnostic> {
    let unreadable = |problem| Diagnostic::in_file(source, problem);
    let bytes =
        std::fs::read(root.join(source)).map_err(|e| unreadable(Problem::unreadable(&e)))?;
    let first = wanted[0];
    let widest = wanted.iter().filter_map(|c| match c.make {
        Make::Drawn { width, .. } => Some(width),
        Make::Stripped => None,
    });
    let decoded = match widest.max() {
        Some(widest) => {
            let (mut picture, icc) = decode(&bytes, first.format)
                .map_err(|e| unreadable(Problem::told("picture-unreadable", &[("reason", &e)])))?;
            picture.apply_orientation(first.turn);
            // Scaled once to the widest output; the narrower ones are made from that.
            if widest < picture.width() {
                let height = scaled_height(picture.width(), picture.height(), widest);
                picture = picture.thumbnail_exact(widest, height);
            }
            Some((picture, icc))
        }
        None => None,
    };
    // The outputs of one picture in parallel too: a new photo is what an editor waits for.
    let sent = wanted
        .par_iter()
        .map(|c| {
            let made = match (c.make, &decoded) {
                (Make::Drawn { width, quality }, Some((picture, icc))) => {
                    draw(picture, width, c.format, quality, icc.as_deref())
                        .map_err(|e| e.to_string())
                }
                _ => strip::strip(&bytes, c.format),
            };
            let broken =
                |e: String| unreadable(Problem::told("picture-unreadable", &[("reason", &e)]));
            made.map_err(broken).and_then(|bytes| {
                sink(Output {
                    path: c.target.clone(),
                    bytes,
                })
            })
        })
        .collect();
    Ok(sent)
}

/// Decode a picture, with its ICC colour profile if it has one.
fn decode(
    bytes: &[u8],
    format: ImageFormat,
) -> image::ImageResult<(DynamicImage, Option<Vec<u8>>)> {
    let mut decoder = image::ImageReader::with_format(Cursor::new(bytes), format).into_decoder()?;
    let icc = decoder.icc_profile()?;
    Ok((DynamicImage::from_decoder(decoder)?, icc))
}

/// `picture` scaled down to `width` (if narrower) and encoded, with the colour profile `icc`
/// when it fits the encoded colours, and nothing else: encoders write no metadata.
fn draw(
    picture: &DynamicImage,
    width: u32,
    format: ImageFormat,
    quality: u8,
    icc: Option<&[u8]>,
) -> image::ImageResult<Vec<u8>> {
    let scaled;
    let picture = if width < picture.width() {
        // Area averaging: sharp enough for scaling down, and cheap. A method of DynamicImage,
        // not a generic function, so it runs as optimised as the image crate (opt-level 1 in
        // a debug build) rather than as plein's own unoptimised code.
        let height = scaled_height(picture.width(), picture.height(), width);
        scaled = picture.thumbnail_exact(width, height);
        &scaled
    } else {
        picture
    };
    let mut out = Vec::new();
    match format {
        ImageFormat::Jpeg => {
            let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
            if let Some(icc) = icc.filter(|p| colour_space(p) == Some(b"RGB ")) {
                encoder.set_icc_profile(icc.to_vec()).ok();
            }
            match picture {
                DynamicImage::ImageRgb8(_) => picture.write_with_encoder(encoder)?,
                _ => DynamicImage::ImageRgb8(picture.to_rgb8()).write_with_encoder(encoder)?,
            }
        }
        _ => {
            let mut encoder = image::codecs::png::PngEncoder::new(&mut out);
            let wanted: &[u8; 4] = if picture.color().has_color() {
                b"RGB "
            } else {
                b"GRAY"
            };
            if let Some(icc) = icc.filter(|p| colour_space(p) == Some(wanted)) {
                encoder.set_icc_profile(icc.to_vec()).ok();
            }
            picture.write_with_encoder(encoder)?;
        }
    }
    Ok(out)
}

/// The colour space an ICC profile describes (`RGB `, `GRAY`, `CMYK`), from its header.
fn colour_space(icc: &[u8]) -> Option<&[u8; 4]> {
    icc.get(16..20)?.try_into().ok()
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
