//! Embeds the default theme, themes/buurt/, so a site without a themes/ folder builds with it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/buurt");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut code = String::from(
        "/// The files of the built-in theme, relative to its folder.\npub(crate) static FILES: &[(&str, &[u8])] = &[\n",
    );
    for path in &files {
        let rel = path
            .strip_prefix(&dir)
            .expect("under theme dir")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("theme.rs");
    std::fs::write(out, code).expect("write theme.rs");
    println!("cargo:rustc-env=PLEIN_BUILD_ID={:016x}", build_id(&files));
}

/// A fingerprint of everything that decides what plein writes: its sources, the crates it
/// was built with and the built-in theme. An output folder written by a binary with another
/// build id reuses none of its pages, even when the version number is the same.
fn build_id(theme: &[PathBuf]) -> u64 {
    use std::hash::{Hash, Hasher};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("src"), &mut files);
    files.sort();
    files.extend(theme.iter().cloned());
    files.push(root.join("Cargo.lock"));
    println!(
        "cargo:rerun-if-changed={}",
        root.join("Cargo.lock").display()
    );
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for path in &files {
        path.strip_prefix(root).unwrap_or(path).hash(&mut h);
        std::fs::read(path).unwrap_or_default().hash(&mut h);
    }
    h.finish()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
            files.push(path);
        }
    }
}
