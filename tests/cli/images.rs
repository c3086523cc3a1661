//! Pictures beside content: measured, copied in smaller widths for srcset, kept between builds.

use std::os::unix::fs::MetadataExt;

use crate::support::{Site, tree};

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
        run.stderr.contains("tuin.jpg") && run.stderr.contains("plein kan deze foto niet lezen"),
        "{}",
        run.stderr
    );
    // What to do, for the usual cause: a phone's HEIC photo saved with another name.
    assert!(
        run.stderr.contains("sla de foto op als JPEG"),
        "{}",
        run.stderr
    );
}

/// A site with a phone photo (JPEG, turned a quarter clockwise), a phone screenshot (PNG,
/// turned a quarter the other way), an upright JPEG shown only in a story's text and an
/// upright PNG in `static/`, all with a GPS position, a serial number and comments.
fn phone_site() -> Site {
    let site = Site::copy("images");
    site.write(
        "content/stories/telefoon/index.md",
        "---\ntitle: Het hek\ndate: 2024-06-01\nimage: foto.jpg\nimage_alt: Een groen hek met een rode paal\n---\nHet hek, van dichtbij:\n\n![Het hek, recht van voren](rechtop.jpg)\n",
    );
    let dir = site.root().join("content/stories/telefoon");
    std::fs::write(dir.join("foto.jpg"), phone::jpeg(1600, 1200, 6)).unwrap();
    std::fs::write(dir.join("rechtop.jpg"), phone::jpeg(640, 480, 1)).unwrap();
    let png = site.root().join("content/neighbourhoods/oost.png");
    std::fs::write(png, phone::png(900, 600, 8)).unwrap();
    std::fs::create_dir_all(site.root().join("static")).unwrap();
    let screenshot = site.root().join("static/kaart.png");
    std::fs::write(screenshot, phone::png(300, 200, 1)).unwrap();
    site
}

/// Whether the pixel at (`x`, `y`) is the red of the band, not the green.
fn red_at(picture: &image::DynamicImage, x: u32, y: u32) -> bool {
    let [r, g, ..] = picture.to_rgb8().get_pixel(x, y).0;
    r > 150 && g < 100
}

#[test]
fn phone_photos_are_published_upright_with_sizes_to_match() {
    let site = phone_site();
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/telefoon/index.html");
    assert!(
        story.contains(r#"srcset="/verhalen/telefoon/foto-480w.jpg 480w, /verhalen/telefoon/foto-800w.jpg 800w, /verhalen/telefoon/foto.jpg 1200w""#),
        "{story}"
    );
    assert!(story.contains(r#"width="1200" height="1600""#), "{story}");
    let dir = site.public().join("verhalen/telefoon");
    let photo = image::open(dir.join("foto.jpg")).unwrap();
    assert_eq!((photo.width(), photo.height()), (1200, 1600));
    // Turned a quarter clockwise: the stored left edge is now the top.
    assert!(red_at(&photo, 600, 100) && !red_at(&photo, 600, 1500));
    let copy = image::open(dir.join("foto-480w.jpg")).unwrap();
    assert_eq!((copy.width(), copy.height()), (480, 640));
    assert!(red_at(&copy, 240, 40) && !red_at(&copy, 240, 600));
    let hood = site.page("buurten/oost/index.html");
    assert!(hood.contains(r#"width="600" height="900""#), "{hood}");
    assert!(
        hood.contains("/buurten/oost-480w.png 480w, /buurten/oost.png 600w"),
        "{hood}"
    );
    let screen = image::open(site.public().join("buurten/oost.png")).unwrap();
    assert_eq!((screen.width(), screen.height()), (600, 900));
    // Turned a quarter anticlockwise: the stored left edge is now the bottom.
    assert!(red_at(&screen, 300, 880) && !red_at(&screen, 300, 20));
}

#[test]
fn published_pictures_carry_no_metadata() {
    let site = phone_site();
    site.plein(&["build"]).ok();
    let mut pictures = 0;
    for (path, bytes) in tree(&site.public()) {
        let name = path.display().to_string();
        for secret in [
            phone::SECRET,
            b"Exif\0\0",
            b"MM\0*\0\0\0\x08",
            b"adobe:ns:meta",
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{name} holds {:?}",
                String::from_utf8_lossy(secret)
            );
        }
        match path.extension().and_then(|e| e.to_str()) {
            Some("jpg") => jpeg_has_no_metadata(&name, &bytes),
            Some("png") => png_has_no_metadata(&name, &bytes),
            _ => continue,
        }
        pictures += 1;
    }
    assert_eq!(
        pictures,
        3 + 1 + 3 + 2 + 1,
        "foto and its copies, rechtop, tuin and its copies, oost and its copy, kaart"
    );
    let published = [
        "verhalen/telefoon/foto.jpg",
        "verhalen/telefoon/rechtop.jpg",
        "buurten/oost.png",
        "kaart.png",
    ];
    for rel in published {
        let tags = exiftool(&site.public().join(rel));
        // The colour profile is kept on purpose; its header names a device maker and creator
        // program, which are no one's data.
        let (icc, others): (Vec<&str>, Vec<&str>) =
            tags.lines().partition(|l| l.starts_with("[ICC"));
        let others = others.join("\n");
        for word in [
            "GPS",
            "Serial",
            "GEHEIM",
            "Orientation",
            "Make",
            "Comment",
            "XMP",
            "IPTC",
            "Creator",
            "Author",
            "Date",
        ] {
            assert!(
                !others.contains(word),
                "exiftool reads {word} in {rel}:\n{tags}"
            );
        }
        assert!(
            icc.iter()
                .any(|l| l.contains("ProfileCopyright") && l.ends_with(": CC0")),
            "{rel} keeps its colour profile:\n{tags}"
        );
    }
}

#[test]
fn the_fixtures_carry_what_phones_write() {
    // The other side of the tests above: exiftool reads all of it in the sources.
    let site = phone_site();
    for rel in [
        "content/stories/telefoon/foto.jpg",
        "content/neighbourhoods/oost.png",
    ] {
        let tags = exiftool(&site.root().join(rel));
        for word in [
            "GPSLatitude",
            "SerialNumber",
            "Orientation",
            "Comment",
            "XMP",
            "GEHEIM",
        ] {
            assert!(tags.contains(word), "{rel} has no {word}:\n{tags}");
        }
    }
    let tags = exiftool(&site.root().join("content/stories/telefoon/foto.jpg"));
    assert!(tags.contains("By-line"), "{tags}");
}

#[test]
fn an_upright_picture_keeps_its_pixels_exactly() {
    let site = phone_site();
    site.plein(&["build"]).ok();
    let source = site.root().join("content/stories/telefoon/rechtop.jpg");
    let published = site.public().join("verhalen/telefoon/rechtop.jpg");
    let (a, b) = (
        image::open(&source).unwrap(),
        image::open(&published).unwrap(),
    );
    assert_eq!((b.width(), b.height()), (640, 480));
    assert!(
        a.as_bytes() == b.as_bytes(),
        "the same pixels, not encoded again"
    );
    let story = site.page("verhalen/telefoon/index.html");
    assert!(
        story.contains(r#"src="/verhalen/telefoon/rechtop.jpg""#),
        "{story}"
    );
}

#[test]
fn pictures_wider_than_the_maximum_are_scaled_down_unless_the_site_asks() {
    let site = Site::copy("images");
    let wide = site.root().join("content/stories/de-tuin/tuin.jpg");
    image::DynamicImage::ImageRgb8(phone::pixels(3000, 1000))
        .save(&wide)
        .unwrap();
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/de-tuin/index.html");
    assert!(
        story
            .contains("/verhalen/de-tuin/tuin-1200w.jpg 1200w, /verhalen/de-tuin/tuin.jpg 2400w\""),
        "{story}"
    );
    assert!(story.contains(r#"width="2400" height="800""#), "{story}");
    let published = site.public().join("verhalen/de-tuin/tuin.jpg");
    let picture = image::open(&published).unwrap();
    assert_eq!((picture.width(), picture.height()), (2400, 800));

    site.write("plein.yaml", "title: Tuinen\nimage_max_width: 4000\n");
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/de-tuin/index.html");
    assert!(story.contains(r#"width="3000" height="1000""#), "{story}");
    assert_eq!(
        std::fs::read(&published).unwrap(),
        std::fs::read(&wide).unwrap(),
        "a picture without metadata, upright and narrow enough, is published as it is"
    );
}

/// The JPEG segments of `bytes` before its picture data, read here independently of plein:
/// only JFIF (APP0), the ICC profile (APP2) and Adobe's colour transform (APP14) may stand
/// among them, and nothing may follow the end of the picture.
fn jpeg_has_no_metadata(name: &str, bytes: &[u8]) {
    assert!(bytes.starts_with(&[0xFF, 0xD8]), "{name}");
    assert!(
        bytes.ends_with(&[0xFF, 0xD9]),
        "{name}: something after the picture"
    );
    let mut pos = 2;
    while bytes[pos] == 0xFF && bytes[pos + 1] != 0xDA {
        let marker = bytes[pos + 1];
        let len = usize::from(u16::from_be_bytes([bytes[pos + 2], bytes[pos + 3]]));
        let data = &bytes[pos + 4..pos + 2 + len];
        let allowed = match marker {
            0xE0 => data.starts_with(b"JFIF\0") && data[12..14] == [0, 0],
            0xE2 => data.starts_with(b"ICC_PROFILE\0"),
            0xEE => data.starts_with(b"Adobe"),
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
            _ => true,
        };
        assert!(
            allowed,
            "{name}: segment {marker:02X} {:?}",
            String::from_utf8_lossy(&data[..data.len().min(20)])
        );
        pos += 2 + len;
    }
    assert_eq!(
        bytes[pos..pos + 2],
        [0xFF, 0xDA],
        "{name}: segments end in the picture data"
    );
}

/// The PNG chunks of `bytes`, read here independently of plein: only those that say how the
/// picture looks, ending with IEND.
fn png_has_no_metadata(name: &str, bytes: &[u8]) {
    let mut pos = 8;
    let mut last = [0u8; 4];
    while pos < bytes.len() {
        let len = u32::from_be_bytes(bytes[pos..pos + 4].try_into().unwrap()) as usize;
        last = bytes[pos + 4..pos + 8].try_into().unwrap();
        let allowed = [
            b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
            b"pHYs",
        ];
        assert!(
            allowed.contains(&&last),
            "{name}: chunk {}",
            String::from_utf8_lossy(&last)
        );
        pos += 12 + len;
    }
    assert_eq!(&last, b"IEND", "{name}");
}

/// What exiftool (Debian's libimage-exiftool-perl) reads in the file at `path`: every tag,
/// with its group, one a line.
fn exiftool(path: &std::path::Path) -> String {
    let out = std::process::Command::new("exiftool")
        .args([
            "-a",
            "-u",
            "-G1",
            "-s",
            "-x",
            "ExifTool:all",
            "-x",
            "System:all",
        ])
        .arg(path)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run exiftool: {e}; run scripts/test, which installs it")
        });
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Phone photos: what a phone writes into a picture, made here so that every byte of the
/// fixture is known. A picture is drawn with the image crate (a red band along the left edge
/// of the stored pixels, green elsewhere, so that turning shows), encoded, and then given what
/// phones add: Exif with an orientation, a GPS position, the camera's make and serial number;
/// XMP, IPTC and a comment (JPEG), or text, compressed text, international text and time
/// chunks (PNG); an ICC colour profile, which is kept; and for the JPEG a trailer after the
/// end of the picture, as motion photos have. Every personal value contains `GEHEIM`.
pub mod phone {
    pub const SECRET: &[u8] = b"GEHEIM";

    /// XMP naming the photographer.
    const XMP: &[u8] = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/' dc:creator='GEHEIM-XMP'/></rdf:RDF></x:xmpmeta>";

    /// Stored pixels: a red band over the left third, green elsewhere.
    pub fn pixels(w: u32, h: u32) -> image::RgbImage {
        image::RgbImage::from_fn(w, h, |x, _| {
            if x < w / 3 {
                image::Rgb([220, 30, 30])
            } else {
                image::Rgb([30, 180, 60])
            }
        })
    }

    /// A JPEG of `w` x `h` stored pixels with Exif `orientation` and everything else above.
    pub fn jpeg(w: u32, h: u32, orientation: u16) -> Vec<u8> {
        let mut plain = Vec::new();
        image::DynamicImage::ImageRgb8(pixels(w, h))
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut plain, 95,
            ))
            .unwrap();
        let segment = |marker: u8, data: &[u8]| {
            let mut s = vec![0xFF, marker];
            s.extend((data.len() as u16 + 2).to_be_bytes());
            s.extend(data);
            s
        };
        let xmp = &[b"http://ns.adobe.com/xap/1.0/\0".as_slice(), XMP].concat();
        // Photoshop image resource 0x0404 (IPTC) holding record 2:80 (By-line).
        let mut iptc = b"Photoshop 3.0\08BIM\x04\x04\0\0".to_vec();
        let record = [b"\x1c\x02\x50\x00\x0b".as_slice(), b"GEHEIM-IPTC"].concat();
        iptc.extend((record.len() as u32).to_be_bytes());
        iptc.extend(&record);
        iptc.push(0);
        let mut icc_segment = b"ICC_PROFILE\0\x01\x01".to_vec();
        icc_segment.extend(icc());
        [
            &plain[..2],
            &segment(0xE1, &[b"Exif\0\0".as_slice(), &exif(orientation)].concat()),
            &segment(0xE1, xmp),
            &segment(0xED, &iptc),
            &segment(0xE2, &icc_segment),
            &segment(0xFE, b"GEHEIM-COMMENT: Dorpsstraat 12"),
            &plain[2..],
            b"GEHEIM-TRAILER motion photo",
        ]
        .concat()
    }

    /// A PNG of `w` x `h` stored pixels with an eXIf chunk with `orientation`, text chunks and
    /// an ICC profile.
    pub fn png(w: u32, h: u32, orientation: u16) -> Vec<u8> {
        let mut plain = Vec::new();
        pixels(w, h)
            .write_to(
                &mut std::io::Cursor::new(&mut plain),
                image::ImageFormat::Png,
            )
            .unwrap();
        let mut iccp = b"telefoon\0\0".to_vec();
        iccp.extend(zlib_stored(&icc()));
        let after_ihdr = 8 + 25;
        [
            &plain[..after_ihdr],
            &chunk(b"iCCP", &iccp),
            &chunk(b"eXIf", &exif(orientation)),
            &chunk(b"tEXt", b"Comment\0GEHEIM-COMMENT: Dorpsstraat 12"),
            &chunk(
                b"zTXt",
                &[b"Author\0\0".as_slice(), &zlib_stored(b"GEHEIM-Z")].concat(),
            ),
            &chunk(
                b"iTXt",
                &[b"XML:com.adobe.xmp\0\0\0\0\0".as_slice(), XMP].concat(),
            ),
            &chunk(b"tIME", &[0x07, 0xEA, 6, 1, 12, 0, 0]),
            &plain[after_ihdr..],
        ]
        .concat()
    }

    /// Exif (big-endian TIFF): make, orientation, camera serial and a GPS position.
    fn exif(orientation: u16) -> Vec<u8> {
        let mut t = b"MM\0*\0\0\0\x08".to_vec();
        let ifd0_entries = 4u16;
        let ifd0_end = 8 + 2 + 12 * u32::from(ifd0_entries) + 4;
        let make = b"Telefoonmerk GEHEIM\0";
        let serial = b"SN-4711-GEHEIM\0";
        let make_at = ifd0_end;
        let serial_at = make_at + make.len() as u32;
        let gps_at = serial_at + serial.len() as u32;
        let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
            t.extend(tag.to_be_bytes());
            t.extend(kind.to_be_bytes());
            t.extend(count.to_be_bytes());
            t.extend(value);
        };
        t.extend(ifd0_entries.to_be_bytes());
        entry(&mut t, 0x010F, 2, make.len() as u32, make_at.to_be_bytes());
        let o = orientation.to_be_bytes();
        entry(&mut t, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
        entry(&mut t, 0x8825, 4, 1, gps_at.to_be_bytes());
        entry(
            &mut t,
            0xA431,
            2,
            serial.len() as u32,
            serial_at.to_be_bytes(),
        );
        t.extend(0u32.to_be_bytes());
        t.extend(make);
        t.extend(serial);
        let gps_entries = 4u16;
        let rationals_at = gps_at + 2 + 12 * u32::from(gps_entries) + 4;
        t.extend(gps_entries.to_be_bytes());
        entry(&mut t, 1, 2, 2, *b"N\0\0\0");
        entry(&mut t, 2, 5, 3, rationals_at.to_be_bytes());
        entry(&mut t, 3, 2, 2, *b"E\0\0\0");
        entry(&mut t, 4, 5, 3, (rationals_at + 24).to_be_bytes());
        t.extend(0u32.to_be_bytes());
        for (n, d) in [(52, 1), (3, 1), (1234, 100), (5, 1), (6, 1), (789, 100)] {
            t.extend(u32::to_be_bytes(n));
            t.extend(u32::to_be_bytes(d));
        }
        t
    }

    /// A small ICC profile (RGB display class, one copyright tag): enough for readers to see
    /// one.
    pub fn icc() -> Vec<u8> {
        let mut p = vec![0u8; 128];
        p[8..12].copy_from_slice(&[2, 0x10, 0, 0]);
        p[12..16].copy_from_slice(b"mntr");
        p[16..20].copy_from_slice(b"RGB ");
        p[20..24].copy_from_slice(b"XYZ ");
        p[36..40].copy_from_slice(b"acsp");
        p.extend(1u32.to_be_bytes());
        p.extend(b"cprt");
        p.extend(144u32.to_be_bytes());
        p.extend(12u32.to_be_bytes());
        p.extend(b"text\0\0\0\0CC0\0");
        let len = p.len() as u32;
        p[0..4].copy_from_slice(&len.to_be_bytes());
        p
    }

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend(kind);
        c.extend(data);
        c.extend(crc32(&[kind.as_slice(), data].concat()).to_be_bytes());
        c
    }

    /// zlib data in one stored (uncompressed) block, as PNG's compressed chunks hold.
    fn zlib_stored(data: &[u8]) -> Vec<u8> {
        let len = data.len() as u16;
        let mut z = vec![0x78, 0x01, 0x01];
        z.extend(len.to_le_bytes());
        z.extend((!len).to_le_bytes());
        z.extend(data);
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in data {
            a = (a + u32::from(byte)) % 65521;
            b = (b + a) % 65521;
        }
        z.extend(((b << 16) | a).to_be_bytes());
        z
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}

/// A build of `site` into `output` with stage timings on: the two numbers of the line that
/// starts with `line`.
fn counted(site: &Site, output: &str, line: &str) -> (usize, usize) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(["build", "--output", output])
        .current_dir(site.root())
        .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
        .env("PLEIN_TIMINGS", "1")
        .output()
        .expect("run plein");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let found = stderr
        .lines()
        .find(|l| l.starts_with(line))
        .unwrap_or_else(|| panic!("no line {line:?} in:\n{stderr}"));
    let numbers: Vec<usize> = found
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

/// What a build resized and what it took from the cache: (resized, from the cache).
fn counted_build(site: &Site, output: &str) -> (usize, usize) {
    counted(site, output, "plein: images: ")
}

/// The resized copies in the cache folder `dir` (not its list of pictures).
fn copies(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .expect("a cache folder")
        .flatten()
        .filter(|e| e.file_name() != "pictures")
        .count()
}

/// What a build into `public/` read: (pictures read, pictures known from the build before).
fn pictures_read(site: &Site) -> (usize, usize) {
    counted(site, "public", "plein: pictures: ")
}

#[test]
fn pictures_whose_files_are_unchanged_are_not_read_again() {
    let site = Site::copy("images");
    let (read, known) = pictures_read(&site);
    assert!(read > 0, "a first build reads every picture");
    assert_eq!(known, 0);
    assert_eq!(
        pictures_read(&site),
        (0, read),
        "nothing changed, nothing read"
    );
    // Another photo in the same file, of the same length and with the old modification
    // time, as a copy that keeps times could leave it: read again all the same.
    let path = site.root().join("content/stories/de-tuin/tuin.jpg");
    let before = std::fs::metadata(&path).unwrap();
    let mut red = Vec::new();
    let pixels = image::RgbImage::from_pixel(600, 375, image::Rgb([200, 60, 40]));
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut red, 40)
        .encode_image(&pixels)
        .unwrap();
    let length = usize::try_from(before.len()).unwrap();
    assert!(red.len() < length, "{} bytes", red.len());
    red.resize(length, 0);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, &red).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(before.modified().unwrap()).unwrap();
    drop(file);
    assert_eq!(pictures_read(&site), (1, read - 1));
    let copy = image::open(site.public().join("verhalen/de-tuin/tuin-480w.jpg")).unwrap();
    let [r, g, _] = copy.to_rgb8().get_pixel(10, 10).0;
    assert!(r > 150 && g < 100, "the new photo's colour: {r} {g}");
}

#[test]
fn a_fresh_output_takes_resized_copies_from_the_sites_cache() {
    let site = Site::copy("images");
    let (resized, cached) = counted_build(&site, "public");
    assert!(resized > 0, "a first build resizes");
    assert_eq!(cached, 0);
    let cache = site.root().join(".plein-cache/images");
    assert_eq!(
        copies(&cache),
        resized,
        "every resized copy is kept in the cache"
    );
    // A fresh output, as in a new checkout or a CI job that restored the cache.
    std::fs::remove_dir_all(site.public()).unwrap();
    assert_eq!(counted_build(&site, "public"), (0, resized));
    assert_eq!(counted_build(&site, "elders"), (0, resized));
    let here = tree(&site.public());
    let there = tree(&site.root().join("elders"));
    assert_eq!(here, there, "copies from the cache are the same files");
    // A changed picture is resized again, and its old copies leave the cache.
    let other = image::RgbImage::from_pixel(1000, 625, image::Rgb([200, 60, 40]));
    other
        .save(site.root().join("content/stories/de-tuin/tuin.jpg"))
        .unwrap();
    let (again, kept) = counted_build(&site, "derde");
    assert!(again > 0 && again < resized, "{again} of {resized}");
    assert_eq!(again + kept, resized);
    assert_eq!(copies(&cache), resized);
    let copy = image::open(site.root().join("derde/verhalen/de-tuin/tuin-480w.jpg")).unwrap();
    let [red, green, _] = copy.to_rgb8().get_pixel(10, 10).0;
    assert!(
        red > 150 && green < 100,
        "the new picture's colour: {red} {green}"
    );
}

#[test]
fn photos_are_offered_as_webp_in_a_picture() {
    let site = Site::copy("images");
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/de-tuin/index.html");
    assert!(
        story.contains(r#"<picture><source type="image/webp" srcset="/verhalen/de-tuin/tuin-480w.webp 480w, /verhalen/de-tuin/tuin-800w.webp 800w, /verhalen/de-tuin/tuin.webp 1000w" sizes="#),
        "{story}"
    );
    assert!(
        story.contains(r#"alt="Een moestuin met een rij koolplanten"></picture>"#),
        "the JPEG <img> stays inside, for browsers without WebP: {story}"
    );
    let dir = site.public().join("verhalen/de-tuin");
    for (name, width) in [("tuin-480w.webp", 480), ("tuin.webp", 1000)] {
        let bytes = std::fs::read(dir.join(name)).expect("a WebP copy");
        assert_eq!(&bytes[..4], b"RIFF");
        assert_eq!(&bytes[8..15], b"WEBPVP8", "lossy WebP");
        // A lossy WebP frame's header: its width in 14 bits at byte 26.
        let stored = u16::from_le_bytes([bytes[26], bytes[27]]) & 0x3fff;
        assert_eq!(u32::from(stored), width, "{name}");
    }
    // Drawings (PNG) keep their own format only.
    let hood = site.page("buurten/oost/index.html");
    assert!(hood.contains("/buurten/oost-480w.png 480w"), "{hood}");
    assert!(!hood.contains("/buurten/oost-480w.webp"), "{hood}");
    assert!(!site.public().join("buurten/oost-480w.webp").exists());
}
