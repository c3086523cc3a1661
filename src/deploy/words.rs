//! Every sentence `plein deploy` says to the person who publishes, in the site's language.

use std::path::Path;

use super::credentials::{NotFound, Source};
use super::s3::Error;
use crate::words::Lang;

/// A size in bytes as people read it: `830 B`, `12,4 kB`, `3,1 MB` (a point in English).
pub(crate) fn size(lang: Lang, bytes: u64) -> String {
    let (value, unit) = match bytes {
        b if b < 1_000 => return format!("{b} B"),
        b if b < 1_000_000 => (b as f64 / 1e3, "kB"),
        b if b < 1_000_000_000 => (b as f64 / 1e6, "MB"),
        b => (b as f64 / 1e9, "GB"),
    };
    decimal(lang, format!("{value:.1} {unit}"))
}

/// Seconds with one decimal.
pub(crate) fn seconds(lang: Lang, s: f64) -> String {
    decimal(lang, format!("{s:.1} s"))
}

fn decimal(lang: Lang, text: String) -> String {
    match lang {
        Lang::Nl => text.replacen('.', ",", 1),
        Lang::En => text,
    }
}

fn files(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 bestand".into(),
        (Lang::Nl, n) => format!("{n} bestanden"),
        (Lang::En, 1) => "1 file".into(),
        (Lang::En, n) => format!("{n} files"),
    }
}

/// The first line: where to, and with which keys.
pub(crate) fn heading(lang: Lang, name: &str, url: &str, origin: &str, source: &Source) -> String {
    let keys = match (lang, source) {
        (Lang::Nl, Source::Environment) => "sleutels uit de omgeving".to_string(),
        (Lang::En, Source::Environment) => "keys from the environment".to_string(),
        (Lang::Nl, Source::Profile { name, .. }) => format!("sleutels van profiel {name}"),
        (Lang::En, Source::Profile { name, .. }) => format!("keys of profile {name}"),
    };
    match lang {
        Lang::Nl => format!("plein: publiceren naar {name}: {url} op {origin} ({keys})"),
        Lang::En => format!("plein: deploying to {name}: {url} at {origin} ({keys})"),
    }
}

/// Saying that an earlier build is published as it is.
pub(crate) fn using_build(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Nl => format!(
            "plein: de site wordt niet opnieuw gebouwd; ik publiceer de build in {}",
            dir.display()
        ),
        Lang::En => format!(
            "plein: not building again; deploying the build in {}",
            dir.display()
        ),
    }
}

/// One line of the plan.
pub(crate) fn plan_line(lang: Lang, what: PlanLine, n: usize, bytes: Option<u64>) -> String {
    let label = match (lang, what) {
        (Lang::Nl, PlanLine::New) => "nieuw",
        (Lang::Nl, PlanLine::Changed) => "gewijzigd",
        (Lang::Nl, PlanLine::Delete) => "verwijderen",
        (Lang::Nl, PlanLine::Unchanged) => "ongewijzigd",
        (Lang::Nl, PlanLine::Kept) => "bewaard (keep)",
        (Lang::En, PlanLine::New) => "new",
        (Lang::En, PlanLine::Changed) => "changed",
        (Lang::En, PlanLine::Delete) => "delete",
        (Lang::En, PlanLine::Unchanged) => "unchanged",
        (Lang::En, PlanLine::Kept) => "kept (keep)",
    };
    let size = bytes
        .map(|b| format!(", {}", self::size(lang, b)))
        .unwrap_or_default();
    format!("  {label:<15} {}{size}", files(lang, n))
}

/// The lines of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlanLine {
    New,
    Changed,
    Delete,
    Unchanged,
    Kept,
}

pub(crate) fn nothing_to_do(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "plein: de bucket is al gelijk aan de site; er is niets te doen",
        Lang::En => "plein: the bucket already equals the site; nothing to do",
    }
}

pub(crate) fn dry_run(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "plein: proefrit (--dry-run): er is niets veranderd in de bucket",
        Lang::En => "plein: dry run (--dry-run): nothing in the bucket was changed",
    }
}

/// Refusing to delete a large share of the bucket without --yes.
pub(crate) fn too_many_deletes(lang: Lang, deletes: usize, total: usize) -> (String, String) {
    let share = deletes * 100 / total.max(1);
    match lang {
        Lang::Nl => (
            format!(
                "dit zou {} van de {total} in de bucket verwijderen ({share}%); dat is meer dan een kwart",
                files(lang, deletes)
            ),
            "kijk met --dry-run welke bestanden het zijn; klopt het, publiceer dan opnieuw met --yes. Bestanden die iemand anders beheert, bescherm je met `keep:` in plein.yaml of met --keep".into(),
        ),
        Lang::En => (
            format!(
                "this would delete {} of the {total} in the bucket ({share}%), more than a quarter",
                files(lang, deletes)
            ),
            "see which files with --dry-run; if that is right, deploy again with --yes. Protect files managed elsewhere with `keep:` in plein.yaml or with --keep".into(),
        ),
    }
}

/// The progress line on a terminal.
pub(crate) fn progress(lang: Lang, done: usize, total: usize, bytes: u64) -> String {
    match lang {
        Lang::Nl => format!(
            "  uploaden: {done} van {}, {}",
            files(lang, total),
            size(lang, bytes)
        ),
        Lang::En => format!(
            "  uploading: {done} of {}, {}",
            files(lang, total),
            size(lang, bytes)
        ),
    }
}

/// The last line.
pub(crate) fn summary(
    lang: Lang,
    uploaded: usize,
    bytes: u64,
    deleted: usize,
    unchanged: usize,
    secs: f64,
) -> String {
    match lang {
        Lang::Nl => format!(
            "plein: {} geüpload ({}), {deleted} verwijderd, {unchanged} ongewijzigd, in {}",
            files(lang, uploaded),
            size(lang, bytes),
            seconds(lang, secs)
        ),
        Lang::En => format!(
            "plein: uploaded {} ({}), deleted {deleted}, {unchanged} unchanged, in {}",
            files(lang, uploaded),
            size(lang, bytes),
            seconds(lang, secs)
        ),
    }
}

/// After a failure halfway: what is done stays, a new run finishes it.
pub(crate) fn partial(lang: Lang, uploaded: usize) -> String {
    match lang {
        Lang::Nl => format!(
            "plein: {} was al geüpload; publiceer opnieuw, dan komt alleen de rest erbij",
            files(lang, uploaded)
        ),
        Lang::En => format!(
            "plein: {} had been uploaded; deploy again and only the rest is sent",
            files(lang, uploaded)
        ),
    }
}

pub(crate) fn no_targets(lang: Lang) -> (String, String) {
    let example = "deploy:\n           - name: productie\n             url: s3://mijn-bucket\n             endpoint: https://s3.nl-ams.scw.cloud\n             region: nl-ams";
    match lang {
        Lang::Nl => (
            "plein.yaml zegt niet waar de site heen moet: er is geen `deploy:`".into(),
            format!(
                "voeg toe aan plein.yaml:\n         {example}\n         of noem de bucket: plein deploy --target s3://mijn-bucket (met AWS_ENDPOINT_URL voor een andere opslag dan Amazon S3; zie docs/publiceren.md)"
            ),
        ),
        Lang::En => (
            "plein.yaml does not say where to publish: there is no `deploy:`".into(),
            format!(
                "add to plein.yaml:\n         {example}\n         or name the bucket: plein deploy --target s3://my-bucket (with AWS_ENDPOINT_URL for storage other than Amazon S3; see the Publish section of README.md)"
            ),
        ),
    }
}

pub(crate) fn unknown_target(lang: Lang, name: &str, hint: &str, names: &str) -> String {
    match lang {
        Lang::Nl => format!("er is geen doel `{name}`{hint} in plein.yaml; er zijn: {names}"),
        Lang::En => format!("there is no target `{name}`{hint} in plein.yaml; there are: {names}"),
    }
}

pub(crate) fn local_base_url(lang: Lang, base_url: &str) -> (String, String) {
    match lang {
        Lang::Nl => (
            format!("base_url in plein.yaml is {base_url}: de feeds, de sitemap en de gedeelde links zouden naar deze computer wijzen"),
            "zet het webadres van de site in plein.yaml, zoals `base_url: https://www.lindenbuurt.nl/`".into(),
        ),
        Lang::En => (
            format!("base_url in plein.yaml is {base_url}: feeds, the sitemap and shared links would point at this computer"),
            "set the site's address in plein.yaml, such as `base_url: https://www.lindenbuurt.org/`".into(),
        ),
    }
}

pub(crate) fn not_a_build(lang: Lang, dir: &Path) -> (String, String) {
    match lang {
        Lang::Nl => (
            format!("{} is geen map die plein build heeft gemaakt", dir.display()),
            "geef bij --output de map van een build, of laat --output weg: dan bouwt plein de site eerst".into(),
        ),
        Lang::En => (
            format!("{} is not a folder plein build made", dir.display()),
            "give --output the folder of a build, or leave --output out to build the site first".into(),
        ),
    }
}

pub(crate) fn read_failed(lang: Lang, dir: &Path, reason: &str) -> String {
    match lang {
        Lang::Nl => format!("kan de build in {} niet lezen: {reason}", dir.display()),
        Lang::En => format!("cannot read the build in {}: {reason}", dir.display()),
    }
}

/// No keys anywhere.
pub(crate) fn no_credentials(lang: Lang, missing: &NotFound) -> (String, String) {
    let files = missing
        .files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Nl => (
            format!(
                "geen sleutels voor de bucket: AWS_ACCESS_KEY_ID en AWS_SECRET_ACCESS_KEY zijn niet gezet, en profiel {} staat niet in {files}",
                missing.profile
            ),
            "zet de twee sleutels van je opslag in de omgeving: export AWS_ACCESS_KEY_ID=... en export AWS_SECRET_ACCESS_KEY=... (nooit in plein.yaml)".into(),
        ),
        Lang::En => (
            format!(
                "no keys for the bucket: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and profile {} is not in {files}",
                missing.profile
            ),
            "put your storage's two keys in the environment: export AWS_ACCESS_KEY_ID=... and export AWS_SECRET_ACCESS_KEY=... (never in plein.yaml)".into(),
        ),
    }
}

/// An S3 error as a message and a hint.
pub(crate) fn error(lang: Lang, e: &Error) -> (String, String) {
    let nl = lang == Lang::Nl;
    let pick = |nl_text: String, en_text: String| if nl { nl_text } else { en_text };
    match e {
        Error::Network { endpoint, detail } => (
            pick(
                format!("{endpoint} is niet te bereiken ({detail}), ook niet na vijf pogingen"),
                format!("cannot reach {endpoint} ({detail}), not even after five tries"),
            ),
            pick(
                "kijk of deze computer internet heeft en of `endpoint:` in plein.yaml klopt".into(),
                "check that this computer is online and that `endpoint:` in plein.yaml is right".into(),
            ),
        ),
        Error::UnknownKey => key_error(nl, KeyFault::Unknown),
        Error::WrongSecret => key_error(nl, KeyFault::Secret),
        Error::ExpiredToken => key_error(nl, KeyFault::Expired),
        Error::AccessDenied { action } => key_error(nl, KeyFault::Denied(action)),
        Error::NoSuchBucket { bucket } => bucket_error(nl, BucketFault::Missing(bucket)),
        Error::WrongRegion { region } => bucket_error(nl, BucketFault::Region(region.as_deref())),
        Error::ClockSkew { minutes } => {
            let off = minutes
                .map(|m| pick(format!(" ({m} minuten)"), format!(" ({m} minutes)")))
                .unwrap_or_default();
            (
                pick(
                    format!("de klok van deze computer loopt te ver voor of achter{off}; de opslag weigert dan elk verzoek"),
                    format!("this computer's clock is too far off{off}; the storage then refuses every request"),
                ),
                pick(
                    "zet de klok gelijk (bijvoorbeeld met automatische tijd of NTP) en probeer het opnieuw".into(),
                    "set the clock right (automatic time or NTP, for example) and try again".into(),
                ),
            )
        }
        Error::Server {
            status,
            code,
            message,
        } => (
            pick(
                format!("de opslag weigerde: {status} {code} {message}").trim().to_string(),
                format!("the storage refused: {status} {code} {message}").trim().to_string(),
            ),
            pick(
                "probeer het later opnieuw; blijft het gebeuren, vraag dan je opslagaanbieder wat dit betekent".into(),
                "try again later; if it keeps happening, ask your storage provider what it means".into(),
            ),
        ),
        Error::Read { path, reason } => (
            pick(
                format!("kan {path} niet lezen: {reason}"),
                format!("cannot read {path}: {reason}"),
            ),
            pick(
                "bouw de site opnieuw en publiceer dan".into(),
                "build the site again, then deploy".into(),
            ),
        ),
    }
}

/// A refusal because of the keys.
enum KeyFault<'a> {
    Unknown,
    Secret,
    Expired,
    Denied(&'a str),
}

/// A refusal because of the keys, as a message and a hint.
fn key_error(nl: bool, fault: KeyFault) -> (String, String) {
    let pick = |nl_text: String, en_text: String| if nl { nl_text } else { en_text };
    match fault {
        KeyFault::Unknown => (
            pick(
                "de opslag kent deze toegangssleutel (AWS_ACCESS_KEY_ID) niet".into(),
                "the storage does not know this access key (AWS_ACCESS_KEY_ID)".into(),
            ),
            pick(
                "kopieer de sleutel opnieuw uit het beheer van je opslag; hoort hij bij een andere aanbieder, kijk dan naar `endpoint:`".into(),
                "copy the key again from your storage's console; if it belongs to another provider, check `endpoint:`".into(),
            ),
        ),
        KeyFault::Secret => (
            pick(
                "de geheime sleutel (AWS_SECRET_ACCESS_KEY) hoort niet bij de toegangssleutel".into(),
                "the secret key (AWS_SECRET_ACCESS_KEY) does not belong to the access key".into(),
            ),
            pick(
                "kopieer de geheime sleutel opnieuw, zonder spaties ervoor of erachter".into(),
                "copy the secret key again, without spaces before or after it".into(),
            ),
        ),
        KeyFault::Expired => (
            pick(
                "de tijdelijke sleutel (AWS_SESSION_TOKEN) is verlopen of ongeldig".into(),
                "the temporary key (AWS_SESSION_TOKEN) has expired or is not valid".into(),
            ),
            pick(
                "vraag nieuwe tijdelijke sleutels aan, of gebruik vaste sleutels".into(),
                "get new temporary keys, or use permanent ones".into(),
            ),
        ),
        KeyFault::Denied(action) => (
            pick(
                format!("deze sleutels mogen dat niet in de bucket ({})", action_nl(action)),
                format!("these keys may not do that in the bucket ({})", action_en(action)),
            ),
            pick(
                "geef de sleutels in het beheer van je opslag het recht om te lezen, te schrijven en te verwijderen (s3:ListBucket, s3:PutObject, s3:DeleteObject)".into(),
                "give the keys the right to list, write and delete in your storage's console (s3:ListBucket, s3:PutObject, s3:DeleteObject)".into(),
            ),
        ),
    }
}

/// A bucket that is not where plein looked.
enum BucketFault<'a> {
    Missing(&'a str),
    Region(Option<&'a str>),
}

/// A bucket that is not where plein looked, as a message and a hint.
fn bucket_error(nl: bool, fault: BucketFault) -> (String, String) {
    let pick = |nl_text: String, en_text: String| if nl { nl_text } else { en_text };
    match fault {
        BucketFault::Missing(bucket) => (
            pick(
                format!("de bucket `{bucket}` bestaat niet bij deze opslag"),
                format!("the bucket `{bucket}` does not exist at this storage"),
            ),
            pick(
                "maak de bucket aan in het beheer van je opslag, of verbeter `url:` (en `endpoint:`) in plein.yaml".into(),
                "create the bucket in your storage's console, or correct `url:` (and `endpoint:`) in plein.yaml".into(),
            ),
        ),
        BucketFault::Region(Some(r)) => (
            pick(
                format!("de bucket staat in regio {r}, niet in de regio waarvoor plein tekende"),
                format!("the bucket is in region {r}, not in the one plein signed for"),
            ),
            pick(
                format!("zet `region: {r}` bij het doel in plein.yaml"),
                format!("set `region: {r}` for the target in plein.yaml"),
            ),
        ),
        BucketFault::Region(None) => (
            pick(
                "de bucket staat in een andere regio".into(),
                "the bucket is in another region".into(),
            ),
            pick(
                "zet de regio van de bucket bij `region:` in plein.yaml".into(),
                "set the bucket's region as `region:` in plein.yaml".into(),
            ),
        ),
    }
}

fn action_nl(action: &str) -> &'static str {
    match action {
        "list" => "de bestanden opvragen",
        "put" => "een bestand schrijven",
        _ => "bestanden verwijderen",
    }
}

fn action_en(action: &str) -> &'static str {
    match action {
        "list" => "list the files",
        "put" => "write a file",
        _ => "delete files",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_written_in_the_language() {
        assert_eq!(size(Lang::Nl, 1_234_567), "1,2 MB");
        assert_eq!(size(Lang::En, 1_234_567), "1.2 MB");
        assert_eq!(size(Lang::Nl, 830), "830 B");
        assert_eq!(seconds(Lang::Nl, 2.345), "2,3 s");
    }

    #[test]
    fn the_region_hint_names_the_region() {
        let (m, h) = error(
            Lang::En,
            &Error::WrongRegion {
                region: Some("eu-central-1".into()),
            },
        );
        assert_eq!(
            m,
            "the bucket is in region eu-central-1, not in the one plein signed for"
        );
        assert_eq!(h, "set `region: eu-central-1` for the target in plein.yaml");
    }
}
