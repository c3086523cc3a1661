//! The photo site: N stories, each with a 4000×3000 JPEG of 3–6 MB as a phone takes it (a
//! quarter of them stored sideways with an Exif orientation, as phones held upright do), built
//! by plein and by Hugo with its image processing, cold, warm and again.
//!
//! Encoding a thousand 12-megapixel photos would take longer than the builds measured, so
//! twelve scenes are encoded and every photo is one of them with a comment segment of its own:
//! every file differs (so no cache can share work between two of them), and decoding and
//! resizing each costs what a distinct photo of that size costs.

use std::path::Path;
use std::process::Command;

use image::codecs::jpeg::JpegEncoder;
use image::{ImageEncoder, RgbImage};
use rayon::prelude::*;

use crate::{Measured, median, run, tree_size};

const SCENES: usize = 12;

/// One scene of 4000×3000: sky and ground in gradients, a few discs, and sensor-like noise, at
/// JPEG quality 95 as phones save them.
fn scene(seed: u64) -> Vec<u8> {
    let (w, h) = (4000u32, 3000u32);
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut rand = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let discs: Vec<(f32, f32, f32, [f32; 3])> = (0..12)
        .map(|_| {
            let r = rand();
            (
                (r % 4000) as f32,
                ((r >> 16) % 3000) as f32,
                80.0 + ((r >> 32) % 500) as f32,
                [
                    ((r >> 8) % 255) as f32,
                    ((r >> 24) % 255) as f32,
                    ((r >> 40) % 255) as f32,
                ],
            )
        })
        .collect();
    let horizon = 1200.0 + (seed % 7) as f32 * 100.0;
    let mut img = RgbImage::new(w, h);
    let mut noise = rand();
    for (x, y, px) in img.enumerate_pixels_mut() {
        let (xf, yf) = (x as f32, y as f32);
        let mut c = if yf < horizon {
            [90.0 + yf / 20.0, 140.0 + yf / 25.0, 230.0 - yf / 30.0]
        } else {
            [70.0 + xf / 60.0, 110.0 + (yf - horizon) / 40.0, 50.0]
        };
        for (cx, cy, r, col) in &discs {
            if (xf - cx).powi(2) + (yf - cy).powi(2) < r * r {
                c = *col;
            }
        }
        noise ^= noise << 13;
        noise ^= noise >> 7;
        noise ^= noise << 17;
        let grain = [noise & 0xff, (noise >> 8) & 0xff, (noise >> 16) & 0xff];
        for i in 0..3 {
            let v = c[i] + (grain[i] as f32 - 127.5) * 0.05;
            px.0[i] = v.clamp(0.0, 255.0) as u8;
        }
    }
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("encode a scene");
    out
}

/// `jpeg` with an Exif segment saying `orientation` and a comment naming photo `i`, after
/// the start marker.
fn photo(jpeg: &[u8], i: usize, orientation: u16) -> Vec<u8> {
    let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&u32::from(orientation).to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(&tiff);
    let comment = format!("foto {i} van de benchmark");
    let mut out = jpeg[..2].to_vec();
    for (marker, data) in [(0xE1u8, exif), (0xFE, comment.into_bytes())] {
        out.extend_from_slice(&[0xFF, marker]);
        out.extend_from_slice(&((data.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&data);
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// Write the plein site (`dir/plein`) and the Hugo site (`dir/hugo`, the same photos linked)
/// of `n` photo stories; the total size of the photos.
fn generate(dir: &Path, n: usize) -> u64 {
    let scenes: Vec<Vec<u8>> = (0..SCENES as u64).into_par_iter().map(scene).collect();
    let _ = std::fs::remove_dir_all(dir);
    let plein = dir.join("plein");
    let hugo = dir.join("hugo");
    std::fs::create_dir_all(hugo.join("layouts")).unwrap();
    std::fs::create_dir_all(plein.join("content/stories")).unwrap();
    std::fs::write(
        plein.join("plein.yaml"),
        "title: Foto's uit de buurt\nbase_url: https://fotos.example.nl/\nlanguage: nl\n",
    )
    .unwrap();
    std::fs::write(hugo.join("hugo.yaml"), HUGO_CONFIG).unwrap();
    for (name, text) in HUGO_LAYOUTS {
        std::fs::write(hugo.join("layouts").join(name), text).unwrap();
    }
    let mut bytes = 0;
    for i in 0..n {
        // Phones held upright store the picture sideways and say so (6: turn 90° clockwise).
        let orientation = if i % 4 == 0 { 6 } else { 1 };
        let jpeg = photo(&scenes[i % SCENES], i, orientation);
        bytes += jpeg.len() as u64;
        let (y, m, d) = (2020 + i % 6, 1 + i % 12, 1 + i % 28);
        let front = format!(
            "---\ntitle: Foto {i} uit de buurt\ndate: {y}-{m:02}-{d:02}\nneighbourhoods: [Fotobuurt {}]\nimage: foto.jpg\nimage_alt: Een zonnige dag in de buurt, foto {i}\n---\nBewoners lieten zien wat ze deze week zagen in de buurt.\n",
            i % 10
        );
        let story = plein.join(format!("content/stories/foto-{i}"));
        std::fs::create_dir_all(&story).unwrap();
        std::fs::write(story.join("index.md"), &front).unwrap();
        std::fs::write(story.join("foto.jpg"), &jpeg).unwrap();
        let bundle = hugo.join(format!("content/verhalen/foto-{i}"));
        std::fs::create_dir_all(&bundle).unwrap();
        std::fs::write(bundle.join("index.md"), &front).unwrap();
        std::fs::hard_link(story.join("foto.jpg"), bundle.join("foto.jpg")).unwrap();
    }
    bytes
}

/// Hugo's copy: the same widths as plein makes (480, 800, 1200 and the picture itself at
/// most 2400 wide), as JPEG at plein's qualities and as WebP, turned upright.
const HUGO_CONFIG: &str = "baseURL: https://fotos.example.nl/
languageCode: nl
title: Foto's uit de buurt
imaging: { resampleFilter: box, quality: 80 }
cascade: [{ build: { publishResources: false } }]
";

const HUGO_LAYOUTS: [(&str, &str); 2] = [
    (
        "page.html",
        "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ with .Resources.GetMatch \"foto.jpg\" }}{{ $up := .Filter images.AutoOrient }}{{ $full := $up.Process \"resize 2400x q90\" }}{{ $a := $up.Process \"resize 480x q80\" }}{{ $b := $up.Process \"resize 800x q80\" }}{{ $c := $up.Process \"resize 1200x q80\" }}{{ $wa := $up.Process \"resize 480x webp q75\" }}{{ $wb := $up.Process \"resize 800x webp q75\" }}{{ $wc := $up.Process \"resize 1200x webp q75\" }}{{ $wf := $up.Process \"resize 2400x webp q75\" }}<picture><source type=\"image/webp\" srcset=\"{{ $wa.RelPermalink }} 480w, {{ $wb.RelPermalink }} 800w, {{ $wc.RelPermalink }} 1200w, {{ $wf.RelPermalink }} 2400w\"><img src=\"{{ $full.RelPermalink }}\" srcset=\"{{ $a.RelPermalink }} 480w, {{ $b.RelPermalink }} 800w, {{ $c.RelPermalink }} 1200w, {{ $full.RelPermalink }} 2400w\" width=\"{{ $full.Width }}\" height=\"{{ $full.Height }}\" alt=\"{{ $.Params.image_alt }}\"></picture>{{ end }}{{ .Content }}</main></body></html>",
    ),
    (
        "home.html",
        "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{{ site.Title }}</title></head><body><main><h1>{{ site.Title }}</h1><ul>{{ range site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>",
    ),
];

/// One row: a tool's cold build (no cache, empty output), warm build (cache kept, empty
/// output: a fresh checkout with the cache restored) and rebuild (nothing changed).
fn row(
    name: &str,
    n: usize,
    runs: usize,
    cache: &Path,
    public: &Path,
    build: &dyn Fn() -> Measured,
) {
    let mut cold = Vec::new();
    let mut cpu = Vec::new();
    let mut peak: f64 = 0.0;
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(cache);
        let _ = std::fs::remove_dir_all(public);
        let m = build();
        assert!(m.ok, "{name} photo build failed");
        cold.push(m.seconds);
        cpu.push(m.cpu);
        peak = peak.max(m.peak_mb);
    }
    let warm: Vec<f64> = (0..runs)
        .map(|_| {
            let _ = std::fs::remove_dir_all(public);
            build().seconds
        })
        .collect();
    let again: Vec<f64> = (0..runs).map(|_| build().seconds).collect();
    let (files, bytes) = tree_size(public);
    let (pictures, picture_bytes) = pictures_size(public);
    let (_, cache_bytes) = tree_size(cache);
    println!(
        "| {n} | {name} | {:.1} | {:.1} | {:.2} | {:.2} | {peak:.0} | {files} | {:.1} | {pictures} | {:.1} | {:.1} |",
        median(cold),
        median(cpu),
        median(warm),
        median(again),
        bytes as f64 / 1e6,
        picture_bytes as f64 / 1e6,
        cache_bytes as f64 / 1e6,
    );
}

/// The pictures in an output (JPEG and WebP files) and their bytes.
fn pictures_size(dir: &Path) -> (usize, u64) {
    let mut files = 0;
    let mut bytes = 0;
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let name = e.file_name().to_string_lossy();
        if e.file_type().is_file() && (name.ends_with(".jpg") || name.ends_with(".webp")) {
            files += 1;
            bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    (files, bytes)
}

/// Generate the photo site of `n` stories under `base` and measure plein and (if given)
/// Hugo on it.
pub(crate) fn bench(
    plein: &Path,
    hugo: Option<&Path>,
    base: &Path,
    out: Option<&Path>,
    n: usize,
    runs: usize,
) {
    let dir = base.join(format!("photos-{n}"));
    let bytes = generate(&dir, n);
    println!(
        "\nphoto site: {n} stories, {n} photos of 4000×3000, {:.0} MB\n",
        bytes as f64 / 1e6
    );
    println!(
        "| photos | tool | cold build (s) | its processor time (s) | warm build, fresh output (s) | rebuild, no change (s) | peak memory (MB) | files | MB written | pictures | MB of pictures | MB of cache |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let site = dir.join("plein");
    let public = out.map_or(site.join("public"), |o| o.join(format!("photos-plein-{n}")));
    let build = || {
        run(Command::new(plein).args([
            "build",
            "--root",
            site.to_str().unwrap(),
            "--output",
            public.to_str().unwrap(),
            "--now",
            "2026-11-25T12:00:00Z",
        ]))
    };
    row(
        "plein",
        n,
        runs,
        &site.join(".plein-cache"),
        &public,
        &build,
    );
    if let Some(hugo) = hugo {
        let site = dir.join("hugo");
        let public = out.map_or(site.join("public"), |o| o.join(format!("photos-hugo-{n}")));
        let build = || {
            run(Command::new(hugo).args([
                "--quiet",
                "--source",
                site.to_str().unwrap(),
                "--destination",
                public.to_str().unwrap(),
            ]))
        };
        row("hugo", n, runs, &site.join("resources"), &public, &build);
    }
}
