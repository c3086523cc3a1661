//! The keys to a bucket, from the environment or the AWS shared files; never from plein.yaml.
//!
//! The secret is kept in a type whose `Debug` hides it, and no message prints it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// An access key and its secret (and a session token for temporary keys).
#[derive(Clone)]
pub(crate) struct Credentials {
    pub access_key_id: String,
    pub secret: String,
    pub session_token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

/// Where the keys were found, for the plan's first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    Environment,
    Profile { name: String, file: PathBuf },
}

/// What the environment and the shared files give: keys, and a region when they name one.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub credentials: Credentials,
    pub source: Source,
    pub region: Option<String>,
}

/// The places that were looked in, when no keys were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotFound {
    pub profile: String,
    pub files: Vec<PathBuf>,
}

/// The keys, from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, else from the profile (the
/// target's, AWS_PROFILE, or `default`) in ~/.aws/credentials and ~/.aws/config.
pub(crate) fn find(
    profile: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Found, NotFound> {
    let var = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let env_region = var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION"));
    // A profile named in plein.yaml wins over keys in the environment: it was asked for.
    if profile.is_none()
        && let (Some(id), Some(secret)) = (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY"))
    {
        let credentials = Credentials {
            access_key_id: id.trim().to_string(),
            secret: secret.trim().to_string(),
            session_token: var("AWS_SESSION_TOKEN"),
        };
        return Ok(Found {
            credentials,
            source: Source::Environment,
            region: env_region,
        });
    }
    let name = profile
        .map(str::to_string)
        .or_else(|| var("AWS_PROFILE"))
        .unwrap_or_else(|| "default".to_string());
    let home = var("HOME").map(PathBuf::from);
    let aws = |file: &str| home.as_ref().map(|h| h.join(".aws").join(file));
    let credentials_file = var("AWS_SHARED_CREDENTIALS_FILE")
        .map(PathBuf::from)
        .or_else(|| aws("credentials"));
    let config_file = var("AWS_CONFIG_FILE")
        .map(PathBuf::from)
        .or_else(|| aws("config"));
    let from_credentials = credentials_file
        .as_deref()
        .and_then(|f| section(f, &name).map(|s| (f.to_path_buf(), s)));
    let config_section_name = if name == "default" {
        name.clone()
    } else {
        format!("profile {name}")
    };
    let from_config = config_file
        .as_deref()
        .and_then(|f| section(f, &config_section_name).map(|s| (f.to_path_buf(), s)));
    let region = env_region.or_else(|| {
        from_config
            .as_ref()
            .and_then(|(_, s)| s.get("region").cloned())
    });
    for (file, keys) in [&from_credentials, &from_config].into_iter().flatten() {
        if let (Some(id), Some(secret)) = (
            keys.get("aws_access_key_id"),
            keys.get("aws_secret_access_key"),
        ) {
            return Ok(Found {
                credentials: Credentials {
                    access_key_id: id.clone(),
                    secret: secret.clone(),
                    session_token: keys.get("aws_session_token").cloned(),
                },
                source: Source::Profile {
                    name,
                    file: file.clone(),
                },
                region,
            });
        }
    }
    Err(NotFound {
        profile: name,
        files: [credentials_file, config_file]
            .into_iter()
            .flatten()
            .collect(),
    })
}

/// The keys of `[name]` in the INI file at `path`, when the file has that section.
fn section(path: &Path, name: &str) -> Option<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).ok()?;
    parse_section(&text, name)
}

fn parse_section(text: &str, name: &str) -> Option<HashMap<String, String>> {
    let mut keys = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with(['#', ';']) {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if keys.is_some() {
                break;
            }
            if header.trim() == name {
                keys = Some(HashMap::new());
            }
            continue;
        }
        if let (Some(map), Some((k, v))) = (keys.as_mut(), line.split_once('=')) {
            map.insert(k.trim().to_lowercase(), v.trim().to_string());
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn environment_comes_first() {
        let env = env_of(&[
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "s3cr3t"),
            ("AWS_REGION", "eu-west-3"),
        ]);
        let found = find(None, &env).expect("found");
        assert_eq!(found.source, Source::Environment);
        assert_eq!(found.region.as_deref(), Some("eu-west-3"));
        let shown = format!("{:?}", found.credentials);
        assert!(!shown.contains("s3cr3t"), "{shown}");
    }

    #[test]
    fn a_profile_from_the_shared_files() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let aws = dir.path().join(".aws");
        std::fs::create_dir(&aws).expect("made");
        std::fs::write(
            aws.join("credentials"),
            "[default]\naws_access_key_id = A\naws_secret_access_key = B\n\n[buurt]\naws_access_key_id=C\naws_secret_access_key=D\n",
        )
        .expect("written");
        std::fs::write(aws.join("config"), "[profile buurt]\nregion = nl-ams\n").expect("written");
        let home = dir.path().to_string_lossy().to_string();
        let env = env_of(&[("HOME", &home), ("AWS_PROFILE", "buurt")]);
        let found = find(None, &env).expect("found");
        assert_eq!(found.credentials.access_key_id, "C");
        assert_eq!(found.credentials.secret, "D");
        assert_eq!(found.region.as_deref(), Some("nl-ams"));
        let missing = find(Some("elders"), &env).unwrap_err();
        assert_eq!(missing.profile, "elders");
        assert_eq!(missing.files.len(), 2);
    }
}
