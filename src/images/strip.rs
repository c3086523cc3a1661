//! What a JPEG or PNG file says besides its pixels, read and taken out without decoding.
//!
//! Phones write where a photo was taken (Exif GPS), the camera's serial number, the time and
//! more into the file; a neighbourhood site must not publish that. [`strip`] copies a file's
//! picture data byte for byte and keeps only what is needed to show it as it was (the ICC
//! colour profile, JFIF's pixel density, Adobe's colour transform, PNG's colour and
//! transparency chunks); every other segment or chunk goes, known or not, and so does
//! anything after the end of the picture (motion-photo videos, multi-picture trailers).
//! [`orientation`] reads the one Exif value plein uses: which way is up.

use image::ImageFormat;
use image::metadata::Orientation;

/// `bytes` without their metadata, pixels unchanged; an error says what is wrong with the file.
pub(crate) fn strip(bytes: &[u8], format: ImageFormat) -> Result<Vec<u8>, String> {
    match format {
        ImageFormat::Png => strip_png(bytes),
        _ => strip_jpeg(bytes),
    }
}

/// How the picture must be turned to show upright, from its Exif data.
pub(crate) fn orientation(bytes: &[u8], format: ImageFormat) -> Orientation {
    let exif = match format {
        ImageFormat::Png => png_chunks(bytes)
            .find(|(kind, _)| kind == b"eXIf")
            .map(|(_, data)| data),
        _ => jpeg_segments(bytes)
            .find(|(marker, data)| *marker == APP1 && data.starts_with(EXIF))
            .map(|(_, data)| &data[EXIF.len()..]),
    };
    exif.and_then(tiff_orientation)
        .unwrap_or(Orientation::NoTransforms)
}

const APP0: u8 = 0xE0;
const APP1: u8 = 0xE1;
const APP2: u8 = 0xE2;
const APP14: u8 = 0xEE;
const COM: u8 = 0xFE;
const SOS: u8 = 0xDA;
const EOI: u8 = 0xD9;
const EXIF: &[u8] = b"Exif\0\0";

/// Whether a JPEG segment is kept: everything that codes the picture, and of the
/// application segments and comments only those that change how it looks.
fn keep_segment(marker: u8, data: &[u8]) -> bool {
    match marker {
        APP0 => data.starts_with(b"JFIF\0"),
        APP2 => data.starts_with(b"ICC_PROFILE\0"),
        APP14 => data.starts_with(b"Adobe"),
        0xE0..=0xEF | COM => false,
        _ => true,
    }
}

fn strip_jpeg(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err("not a JPEG file".to_string());
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut segments = JpegSegments { bytes, pos: 2 };
    while let Some(segment) = segments.next_raw()? {
        match segment {
            Raw::Segment { marker, data } if keep_segment(marker, data) => {
                let jfif;
                let data = if marker == APP0 && data.len() >= 14 {
                    // JFIF without its thumbnail, which may show what the picture showed
                    // before it was cropped.
                    jfif = [&data[..12], &[0, 0]].concat();
                    &jfif
                } else {
                    data
                };
                out.extend_from_slice(&[0xFF, marker]);
                out.extend_from_slice(&(data.len() as u16 + 2).to_be_bytes());
                out.extend_from_slice(data);
            }
            Raw::Segment { .. } => {}
            Raw::Standalone(marker) => out.extend_from_slice(&[0xFF, marker]),
            Raw::Scan(data) => out.extend_from_slice(data),
        }
    }
    out.extend_from_slice(&[0xFF, EOI]);
    Ok(out)
}

/// A piece of a JPEG file.
enum Raw<'a> {
    /// A marker with its data (without the length field).
    Segment { marker: u8, data: &'a [u8] },
    /// A marker without data (restart markers and the like).
    Standalone(u8),
    /// Entropy-coded picture data after a start of scan, as it is.
    Scan(&'a [u8]),
}

/// The pieces of a JPEG file after its start marker, up to its end marker.
struct JpegSegments<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> JpegSegments<'a> {
    /// The next piece; `None` at the end marker or where the file ends, which browsers show
    /// as far as it goes and so does plein.
    fn next_raw(&mut self) -> Result<Option<Raw<'a>>, String> {
        let b = self.bytes;
        // Bytes between segments that are no marker are skipped, as decoders do.
        while self.pos < b.len() && b[self.pos] != 0xFF {
            self.pos += 1;
        }
        while self.pos < b.len() && b[self.pos] == 0xFF {
            self.pos += 1;
        }
        let Some(&marker) = b.get(self.pos) else {
            return Ok(None);
        };
        self.pos += 1;
        if marker == EOI {
            return Ok(None);
        }
        if matches!(marker, 0x01 | 0xD0..=0xD8) {
            return Ok(Some(Raw::Standalone(marker)));
        }
        let Some(len) = b.get(self.pos..self.pos + 2) else {
            return Ok(None);
        };
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        let Some(data) = b.get(self.pos + 2..self.pos + len).filter(|_| len >= 2) else {
            return Err(format!(
                "a JPEG segment at byte {} runs past the end of the file",
                self.pos - 2
            ));
        };
        self.pos += len;
        if marker == SOS {
            let scan_end = self.scan_end();
            let (start, end) = (self.pos - len - 2, scan_end);
            self.pos = scan_end;
            // The scan header and its coded data stay together: one piece, copied as it is.
            return Ok(Some(Raw::Scan(&b[start..end])));
        }
        Ok(Some(Raw::Segment { marker, data }))
    }

    /// Where the entropy-coded data from `pos` ends: at the first marker that is not a
    /// stuffed zero byte or a restart marker.
    fn scan_end(&self) -> usize {
        let b = self.bytes;
        let mut i = self.pos;
        while i < b.len() {
            if b[i] == 0xFF && !matches!(b.get(i + 1), Some(0x00 | 0xD0..=0xD7)) {
                return i;
            }
            i += if b[i] == 0xFF { 2 } else { 1 };
        }
        b.len()
    }
}

/// The segments of a JPEG file with their data, for reading; stops at the first problem.
fn jpeg_segments(bytes: &[u8]) -> impl Iterator<Item = (u8, &[u8])> {
    let pos = if bytes.starts_with(&[0xFF, 0xD8]) {
        2
    } else {
        bytes.len()
    };
    let mut segments = JpegSegments { bytes, pos };
    std::iter::from_fn(move || {
        loop {
            match segments.next_raw() {
                Ok(Some(Raw::Segment { marker, data })) => return Some((marker, data)),
                Ok(Some(_)) => continue,
                _ => return None,
            }
        }
    })
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The PNG chunks that say how the pixels look: all others (text, Exif, time, private
/// chunks) are left out.
const PNG_KEPT: [&[u8; 4]; 18] = [
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
    b"bKGD", b"pHYs", b"cICP", b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT",
];

fn strip_png(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if !bytes.starts_with(PNG_SIGNATURE) {
        return Err("not a PNG file".to_string());
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(PNG_SIGNATURE);
    let mut pos = PNG_SIGNATURE.len();
    loop {
        let Some(header) = bytes.get(pos..pos + 8) else {
            return Err("the PNG file ends before its IEND chunk".to_string());
        };
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind: [u8; 4] = [header[4], header[5], header[6], header[7]];
        let end = pos + 12 + len;
        let Some(chunk) = bytes.get(pos..end) else {
            return Err(format!(
                "the PNG chunk {} at byte {pos} runs past the end of the file",
                String::from_utf8_lossy(&kind)
            ));
        };
        if PNG_KEPT.contains(&&kind) {
            out.extend_from_slice(chunk);
        }
        pos = end;
        if &kind == b"IEND" {
            return Ok(out);
        }
    }
}

/// The chunks of a PNG file as (type, data), for reading; stops at the first problem.
fn png_chunks(bytes: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    let mut pos = if bytes.starts_with(PNG_SIGNATURE) {
        PNG_SIGNATURE.len()
    } else {
        bytes.len()
    };
    std::iter::from_fn(move || {
        let header = bytes.get(pos..pos + 8)?;
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = [header[4], header[5], header[6], header[7]];
        let data = bytes.get(pos + 8..(pos + 8).checked_add(len)?)?;
        pos += 12 + len;
        Some((kind, data))
    })
}

/// The Orientation tag (0x112) of the first image directory of Exif (TIFF) data.
fn tiff_orientation(tiff: &[u8]) -> Option<Orientation> {
    let little = match tiff.get(0..4)? {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => return None,
    };
    let u16_at = |i: usize| {
        let b = tiff.get(i..i.checked_add(2)?)?;
        Some(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |i: usize| {
        let b = tiff.get(i..i.checked_add(4)?)?;
        let b = [b[0], b[1], b[2], b[3]];
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = u32_at(4)? as usize;
    let entries = usize::from(u16_at(ifd)?);
    (0..entries)
        .map(|k| ifd + 2 + 12 * k)
        .find(|&entry| u16_at(entry) == Some(0x112))
        .and_then(|entry| {
            // A SHORT (type 3) with one value, stored in the first bytes of the value field.
            let value = u16_at(entry + 8)?;
            (u16_at(entry + 2)? == 3).then_some(())?;
            Orientation::from_exif(u8::try_from(value).ok()?)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exif data with one entry: the orientation, in either byte order.
    fn exif(value: u16, little: bool) -> Vec<u8> {
        let u16b = |v: u16| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let u32b = |v: u32| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let mut t = if little {
            b"II*\0".to_vec()
        } else {
            b"MM\0*".to_vec()
        };
        t.extend(u32b(8));
        t.extend(u16b(1));
        t.extend(u16b(0x112));
        t.extend(u16b(3));
        t.extend(u32b(1));
        t.extend(u16b(value));
        t.extend([0, 0]);
        t.extend(u32b(0));
        t
    }

    fn segment(marker: u8, data: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend((data.len() as u16 + 2).to_be_bytes());
        s.extend(data);
        s
    }

    #[test]
    fn orientation_in_both_byte_orders() {
        assert_eq!(
            tiff_orientation(&exif(6, true)),
            Some(Orientation::Rotate90)
        );
        assert_eq!(
            tiff_orientation(&exif(8, false)),
            Some(Orientation::Rotate270)
        );
        assert_eq!(tiff_orientation(&exif(9, false)), None);
        assert_eq!(tiff_orientation(&exif(3, true)[..19]), None);
        assert_eq!(tiff_orientation(b"II*\0\xff\xff\xff\xff"), None);
    }

    #[test]
    fn jpeg_metadata_goes_and_the_picture_stays() {
        let mut app1 = EXIF.to_vec();
        app1.extend(exif(6, false));
        let jfif_with_thumb = [
            b"JFIF\0\x01\x02\0\0\x01\0\x01\x01\x01".as_slice(),
            &[7, 7, 7],
        ]
        .concat();
        let coded = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56];
        let file = [
            vec![0xFF, 0xD8],
            segment(APP0, &jfif_with_thumb),
            segment(APP1, &app1),
            segment(APP2, b"ICC_PROFILE\0\x01\x01rgb"),
            segment(COM, b"at home"),
            segment(0xED, b"Photoshop 3.0\0iptc"),
            segment(0xDB, &[0; 65]),
            segment(SOS, &[1, 1, 0, 0, 63, 0]),
            coded.to_vec(),
            vec![0xFF, EOI],
            b"motion photo video".to_vec(),
        ]
        .concat();
        assert_eq!(orientation(&file, ImageFormat::Jpeg), Orientation::Rotate90);
        let stripped = strip(&file, ImageFormat::Jpeg).unwrap();
        let expected = [
            vec![0xFF, 0xD8],
            segment(APP0, b"JFIF\0\x01\x02\0\0\x01\0\x01\0\0"),
            segment(APP2, b"ICC_PROFILE\0\x01\x01rgb"),
            segment(0xDB, &[0; 65]),
            segment(SOS, &[1, 1, 0, 0, 63, 0]),
            coded.to_vec(),
            vec![0xFF, EOI],
        ]
        .concat();
        assert_eq!(stripped, expected);
        assert_eq!(
            orientation(&stripped, ImageFormat::Jpeg),
            Orientation::NoTransforms
        );
    }

    #[test]
    fn a_jpeg_cut_short_in_a_segment_is_an_error() {
        let file = [vec![0xFF, 0xD8, 0xFF, APP1, 0x10, 0x00], b"Exif".to_vec()].concat();
        assert!(
            strip(&file, ImageFormat::Jpeg)
                .unwrap_err()
                .contains("past the end")
        );
    }

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend(kind);
        c.extend(data);
        c.extend([0, 0, 0, 0]); // the CRC is copied, not checked
        c
    }

    #[test]
    fn png_metadata_goes_and_the_picture_stays() {
        let file = [
            PNG_SIGNATURE.to_vec(),
            chunk(b"IHDR", &[0; 13]),
            chunk(b"iCCP", b"p\0\0z"),
            chunk(b"eXIf", &exif(8, true)),
            chunk(b"tEXt", b"Comment\0at home"),
            chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0<x/>"),
            chunk(b"IDAT", &[1, 2, 3]),
            chunk(b"tIME", &[0; 7]),
            chunk(b"zTXt", b"Author\0\0zz"),
            chunk(b"IEND", &[]),
            b"trailer".to_vec(),
        ]
        .concat();
        assert_eq!(orientation(&file, ImageFormat::Png), Orientation::Rotate270);
        let stripped = strip(&file, ImageFormat::Png).unwrap();
        let expected = [
            PNG_SIGNATURE.to_vec(),
            chunk(b"IHDR", &[0; 13]),
            chunk(b"iCCP", b"p\0\0z"),
            chunk(b"IDAT", &[1, 2, 3]),
            chunk(b"IEND", &[]),
        ]
        .concat();
        assert_eq!(stripped, expected);
        let cut = &file[..file.len() - 30];
        assert!(strip(cut, ImageFormat::Png).is_err());
    }
}
