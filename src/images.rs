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
//! `write::Staging::keep_unchanged` or by serve's folder). A picture whose file is as the
//! build before saw it is not even read ([`known`]): its size, turn and hash are known.
//! What is resized is also kept in the site's [`cache`] (`.plein-cache/images/`), so a build
//! into a fresh output takes it from there instead of resizing again. A photo is decoded
//! once, scaled once per width, and each width encoded as JPEG and, for photos, as lossy
//! WebP, which pages offer first in a `<picture>`. Nothing here knows of templates.

mod cache;
mod known;
mod strip;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Problem};
use crate::ground::output::{Output, Outputs, Sink};
use crate::ground::progress::Progress;
use crate::load::Asset;
use crate::model::{ImageSize, Site};
use crate::words::Lang;
use crate::words::messages::{self, Args};

/// The widths of the smaller copies; none is made at or above the published width.
pub(crate) const WIDTHS: [u32; 3] = [480, 800, 1200];

/// JPEG quality of the smaller copies: small files without visible blocks.
const QUALITY: u8 = 80;

/// JPEG quality of a picture published at its own address after turning or scaling: it is
/// what large screens show, so it loses as little as it can and stays a sensible size.
const FULL_QUALITY: u8 = 90;

/// WebP quality of the smaller copies and of the picture itself: libwebp at these makes
/// files about a third smaller than the JPEG copies beside them, with no more visible loss.
const WEBP_QUALITY: u8 = 75;
const WEBP_FULL_QUALITY: u8 = 85;

/// Bumped when the outputs would come out differently, so old ones are made again.
const RECIPE: u64 = 4;

/// One file to make from a picture: the picture itself or a smaller copy.
#[derive(Debug, Clone)]
pub(crate) struct Variant {
    /// The picture, relative to the site root.
    source: PathBuf,
    /// The output, relative to the output folder.
    target: PathBuf,
    format: ImageFormat,
    /// The format the output is written in: the source's, or WebP.
    encode: ImageFormat,
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
    let was = known::Known::of(root);
    let reads = AtomicUsize::new(0);
    let planned: Vec<(String, Result<Measured, Diagnostic>)> = pictures
        .par_iter()
        .map(|asset| {
            let url = site.urls.root(&url_path(&asset.target));
            let shown = used.contains(url.as_str());
            let plan = plan(root, asset, &url, shown, max_width, (&was, &reads));
            (url, plan)
        })
        .collect();
    let mut measured: HashMap<String, ImageSize> = HashMap::new();
    let mut variants = Vec::new();
    let mut seen = HashMap::new();
    for (url, plan) in planned {
        match plan {
            Ok(((size, planned), facts)) => {
                if let Some((source, facts)) = facts {
                    seen.insert(source, facts);
                }
                variants.extend(planned);
                measured.insert(url, size);
            }
            Err(d) => errs.push(d),
        }
    }
    if crate::timings::wanted() {
        let read = reads.load(Ordering::Relaxed);
        let known = pictures.len() - read;
        eprintln!("plein: pictures: {read} read, {known} known from the build before");
    }
    was.save(seen);
    // A story is shared with the build before: copied only when its size is new.
    for story in &mut site.stories {
        let size = story.image.as_ref().and_then(|i| measured.get(&i.url));
        if let Some(size) = size
            && story.image.as_ref().and_then(|i| i.size.as_ref()) != Some(size)
            && let Some(image) = &mut std::sync::Arc::make_mut(story).image
        {
            image.size = Some(size.clone());
        }
    }
    let images = site
        .people
        .iter_mut()
        .filter_map(|p| p.image.as_mut())
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
/// record every output's fingerprint in `out`. Resized copies come from the site's cache
/// when it has them; what is resized goes into it, and what no picture needs any more out.
pub(crate) fn resize(root: &Path, lang: Lang, variants: &[Variant], out: &mut Outputs) {
    let cache = cache::Cache::of(root);
    let todo: Vec<&Variant> = variants
        .iter()
        .filter(|c| !out.unchanged(&c.target.to_string_lossy(), c.print))
        .collect();
    let sink = out.sink();
    let (cached, todo): (Vec<_>, Vec<_>) = todo
        .into_par_iter()
        .map(|c| match from_cache(&cache, c) {
            Some(bytes) => Ok(sink(Output {
                path: c.target.clone(),
                bytes,
            })),
            None => Err(c),
        })
        .partition_map(|r| match r {
            Ok(sent) => rayon::iter::Either::Left(sent),
            Err(c) => rayon::iter::Either::Right(c),
        });
    // One read and at most one decode per picture, however many of its outputs are needed.
    let mut by_source: BTreeMap<&Path, Vec<&Variant>> = BTreeMap::new();
    for c in &todo {
        by_source.entry(c.source.as_path()).or_default().push(c);
    }
    // Shown on a terminal, and only for more than a few pictures.
    let total = by_source.len();
    let progress = Progress::new(total, total > 2, |done, total, _| {
        resizing(lang, done, total)
    });
    let done: Vec<Vec<Result<(), Diagnostic>>> = by_source
        .par_iter()
        .map(|(source, wanted)| {
            let sent =
                make_all(root, source, wanted, sink, &cache).unwrap_or_else(|d| vec![Err(d)]);
            progress.tick(0);
            sent
        })
        .collect();
    progress.finish();
    let resized = todo.iter().filter(|c| c.make != Make::Stripped).count();
    for sent in cached.into_iter().chain(done.into_iter().flatten()) {
        out.sent(sent);
    }
    let keep: HashSet<String> = variants
        .iter()
        .filter(|c| c.make != Make::Stripped)
        .map(|c| cache::name(c.print, extension(c.encode)))
        .collect();
    cache.prune(&keep);
    if crate::timings::wanted() {
        let hits = cache.hits.load(Ordering::Relaxed);
        eprintln!("plein: images: {resized} resized, {hits} from the cache");
    }
}

/// A resized copy from the cache; copies without resizing are not kept there.
fn from_cache(cache: &cache::Cache, c: &Variant) -> Option<Vec<u8>> {
    match c.make {
        Make::Drawn { .. } => cache.get(c.print, extension(c.encode)),
        Make::Stripped => None,
    }
}

/// The file extension of an output format.
fn extension(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Png => "png",
        _ => "webp",
    }
}

/// The progress line while pictures are resized: `done` of `total` pictures.
fn resizing(lang: Lang, done: usize, total: usize) -> String {
    let args = Args::new().number("done", done).number("total", total);
    messages::text(lang, "resizing", &args)
}

/// A picture's file as the file system describes it and what its bytes say, for the next
/// build's [`known::Known`].
type Seen = (PathBuf, (known::Stamp, known::Facts));

/// A picture planned, and what the next build may know of it.
type Measured = (Planned, Option<Seen>);

/// Read a picture's size and orientation (unless its file is as the last build saw it, as
/// `was` knows; `reads` counts the pictures read), and plan its outputs: itself, and when a
/// page shows it (`shown`) its smaller copies.
fn plan(
    root: &Path,
    asset: &Asset,
    url: &str,
    shown: bool,
    max_width: u32,
    (was, reads): (&known::Known, &AtomicUsize),
) -> Result<Measured, Diagnostic> {
    let source = asset.source.as_path();
    let format = format_of(source).expect("only pictures are planned");
    let stamp = known::Stamp::of(&root.join(source));
    let facts = match was.get(source, stamp) {
        Some(facts) => facts,
        None => {
            reads.fetch_add(1, Ordering::Relaxed);
            facts_of(root, source, format)?
        }
    };
    let seen = stamp.map(|stamp| (source.to_path_buf(), (stamp, facts)));
    Ok((planned(asset, url, shown, max_width, format, facts), seen))
}

/// What a picture's bytes say: its stored size, how it must be turned, and their hash.
fn facts_of(root: &Path, source: &Path, format: ImageFormat) -> Result<known::Facts, Diagnostic> {
    let unreadable = |problem| Diagnostic::in_file(source, problem);
    let bytes =
        std::fs::read(root.join(source)).map_err(|e| unreadable(Problem::unreadable(&e)))?;
    let (width, height) = image::ImageReader::with_format(Cursor::new(&bytes), format)
        .into_dimensions()
        .map_err(|e| unreadable(Problem::told("picture-unreadable", &[("reason", &e)])))?;
    Ok(known::Facts {
        width,
        height,
        turn: strip::orientation(&bytes, format),
        hash: xxhash_rust::xxh3::xxh3_64(&bytes),
    })
}

/// The outputs of a picture with `facts`.
fn planned(
    asset: &Asset,
    url: &str,
    shown: bool,
    max_width: u32,
    format: ImageFormat,
    facts: known::Facts,
) -> Planned {
    let source = asset.source.as_path();
    let known::Facts {
        width: stored_w,
        height: stored_h,
        turn,
        hash,
    } = facts;
    let (upright_w, upright_h) = if turns_sideways(turn) {
        (stored_h, stored_w)
    } else {
        (stored_w, stored_h)
    };
    let width = upright_w.min(max_width.max(1));
    let height = scaled_height(upright_w, upright_h, width);
    let variant = |target: PathBuf, make: Make, encode: ImageFormat| {
        let (w, q) = match make {
            Make::Stripped => (0, 0),
            Make::Drawn { width, quality } => (width, quality),
        };
        let print = [
            hash,
            u64::from(w),
            u64::from(q),
            RECIPE,
            format_code(encode),
        ];
        Variant {
            source: source.to_path_buf(),
            target,
            format,
            encode,
            turn,
            make,
            print: xxhash_rust::xxh3::xxh3_64(&print.map(u64::to_le_bytes).concat()),
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
    let mut variants = vec![variant(asset.target.clone(), own, format)];
    let mut srcset = Vec::new();
    let mut webp_srcset = Vec::new();
    // Photos are offered as WebP too; drawings (PNG) keep their lossless format only.
    let webp = shown && format == ImageFormat::Jpeg;
    for w in WIDTHS.into_iter().filter(|&w| shown && w < width) {
        let target = copy_path(&asset.target, w, None);
        srcset.push(format!("{} {w}w", sibling_url(url, &target)));
        let make = Make::Drawn {
            width: w,
            quality: QUALITY,
        };
        variants.push(variant(target, make, format));
        if webp {
            let target = copy_path(&asset.target, w, Some("webp"));
            webp_srcset.push(format!("{} {w}w", sibling_url(url, &target)));
            let make = Make::Drawn {
                width: w,
                quality: WEBP_QUALITY,
            };
            variants.push(variant(target, make, ImageFormat::WebP));
        }
    }
    srcset.push(format!("{url} {width}w"));
    if webp {
        let target = asset.target.with_extension("webp");
        webp_srcset.push(format!("{} {width}w", sibling_url(url, &target)));
        let make = Make::Drawn {
            width,
            quality: WEBP_FULL_QUALITY,
        };
        variants.push(variant(target, make, ImageFormat::WebP));
    }
    let size = ImageSize {
        width,
        height,
        srcset: srcset.join(", "),
        webp_srcset: webp_srcset.join(", "),
    };
    (size, variants)
}

/// A number for each output format, part of an output's fingerprint.
fn format_code(format: ImageFormat) -> u64 {
    match format {
        ImageFormat::Jpeg => 1,
        ImageFormat::Png => 2,
        _ => 3,
    }
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

/// Make the outputs `wanted` of the picture at `source`, hand them to `sink` and keep the
/// resized ones in `cache`; the problems of outputs that failed come back, a picture that
/// cannot be read is the error.
fn make_all(
    root: &Path,
    source: &Path,
    wanted: &[&Variant],
    sink: &Sink,
    cache: &cache::Cache,
) -> Result<Vec<Result<(), Diagnostic>>, Diagnostic> {
    let unreadable = |problem| Diagnostic::in_file(source, problem);
    let bytes =
        std::fs::read(root.join(source)).map_err(|e| unreadable(Problem::unreadable(&e)))?;
    let first = wanted[0];
    let mut widths: Vec<u32> = wanted
        .iter()
        .filter_map(|c| match c.make {
            Make::Drawn { width, .. } => Some(width),
            Make::Stripped => None,
        })
        .collect();
    widths.sort_unstable();
    widths.dedup();
    let decoded = match widths.last() {
        Some(&widest) => {
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
    let broken = |e: String| unreadable(Problem::told("picture-unreadable", &[("reason", &e)]));
    let send = |c: &Variant, made: Result<Vec<u8>, String>| {
        made.map_err(broken).and_then(|bytes| {
            if c.make != Make::Stripped {
                cache.put(c.print, extension(c.encode), &bytes);
            }
            sink(Output {
                path: c.target.clone(),
                bytes,
            })
        })
    };
    let mut sent: Vec<Result<(), Diagnostic>> = wanted
        .iter()
        .filter(|c| c.make == Make::Stripped)
        .map(|c| send(c, strip::strip(&bytes, c.format)))
        .collect();
    let Some((picture, icc)) = &decoded else {
        return Ok(sent);
    };
    // Each width scaled once, in parallel, and encoded in every format wanted at it: a new
    // photo is what an editor waits for.
    let drawn: Vec<Result<(), Diagnostic>> = widths
        .par_iter()
        .flat_map_iter(|&width| {
            let scaled = scaled_to(picture, width);
            wanted
                .iter()
                .filter(move |c| matches!(c.make, Make::Drawn { width: w, .. } if w == width))
                .map(|c| {
                    let Make::Drawn { quality, .. } = c.make else {
                        unreachable!("only drawn outputs are filtered in")
                    };
                    let made = encode(&scaled, c.encode, quality, icc.as_deref());
                    send(c, made.map_err(|e| e.to_string()))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    sent.extend(drawn);
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

/// `picture` scaled down to `width`, or itself when it is not wider.
fn scaled_to(picture: &DynamicImage, width: u32) -> std::borrow::Cow<'_, DynamicImage> {
    if width < picture.width() {
        // Area averaging: sharp enough for scaling down, and cheap. A method of DynamicImage,
        // not a generic function, so it runs as optimised as the image crate (opt-level 1 in
        // a debug build) rather than as plein's own unoptimised code.
        let height = scaled_height(picture.width(), picture.height(), width);
        std::borrow::Cow::Owned(picture.thumbnail_exact(width, height))
    } else {
        std::borrow::Cow::Borrowed(picture)
    }
}

/// `picture` as 8-bit RGB, borrowed when it is that already.
fn rgb8(picture: &DynamicImage) -> std::borrow::Cow<'_, image::RgbImage> {
    match picture {
        DynamicImage::ImageRgb8(p) => std::borrow::Cow::Borrowed(p),
        _ => std::borrow::Cow::Owned(picture.to_rgb8()),
    }
}

/// `picture` encoded as `format` at `quality`, with the colour profile `icc` when it fits
/// the encoded colours, and nothing else: encoders write no metadata.
fn encode(
    picture: &DynamicImage,
    format: ImageFormat,
    quality: u8,
    icc: Option<&[u8]>,
) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        ImageFormat::Jpeg => {
            let pixels = rgb8(picture);
            let failed = |why: String| {
                image::ImageError::Encoding(image::error::EncodingError::new(
                    ImageFormat::Jpeg.into(),
                    why,
                ))
            };
            let (w, h) = pixels.dimensions();
            let (Ok(width), Ok(height)) = (u16::try_from(w), u16::try_from(h)) else {
                let why = format!("{w}×{h} pixels is more than a JPEG holds (65535 a side)");
                return Err(failed(why));
            };
            // Colour at half resolution both ways, as cameras and browsers' own encoders do.
            let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
            encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_2_0);
            encoder.set_optimized_huffman_tables(true);
            if let Some(icc) = icc.filter(|p| colour_space(p) == Some(b"RGB ")) {
                encoder.add_icc_profile(icc).ok();
            }
            encoder
                .encode(pixels.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| failed(e.to_string()))?;
        }
        ImageFormat::WebP => {
            let pixels = rgb8(picture);
            let encoded = webp::Encoder::from_rgb(pixels.as_raw(), pixels.width(), pixels.height())
                .encode_simple(false, f32::from(quality))
                .map_err(|e| {
                    image::ImageError::Encoding(image::error::EncodingError::new(
                        ImageFormat::WebP.into(),
                        format!("{e:?}"),
                    ))
                })?;
            out.extend_from_slice(&encoded);
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

/// `foto.jpg` at 480 px: `foto-480w.jpg` beside it, or in format `ext`: `foto-480w.webp`.
fn copy_path(path: &Path, width: u32, ext: Option<&str>) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let own = path.extension().unwrap_or_default().to_string_lossy();
    let ext = ext.unwrap_or(&own);
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
        let p = copy_path(Path::new("verhalen/tafel/tafel.jpg"), 480, None);
        assert_eq!(p, Path::new("verhalen/tafel/tafel-480w.jpg"));
        assert_eq!(
            sibling_url("/verhalen/tafel/tafel.jpg", &p),
            "/verhalen/tafel/tafel-480w.jpg"
        );
    }

    #[test]
    fn the_progress_line_counts_photos() {
        assert_eq!(
            resizing(Lang::Nl, 3, 12),
            "plein: foto's verkleinen: 3 van 12"
        );
        assert_eq!(
            resizing(Lang::En, 12, 12),
            "plein: resizing photos: 12 of 12"
        );
    }

    #[test]
    fn heights_keep_the_proportions() {
        assert_eq!(scaled_height(1600, 1000, 480), 300);
        assert_eq!(scaled_height(1000, 1, 480), 1);
    }
}
