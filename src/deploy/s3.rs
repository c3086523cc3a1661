//! A small S3 client: list, put and delete objects, signed with [`sigv4`], over ureq.
//!
//! Blocking, one request per call, safe to share between upload threads. Network errors and
//! 5xx answers are tried again with backoff; every other answer becomes an [`Error`] that
//! `words` turns into a message. No message or error holds the secret key.

use std::time::Duration;

use base64::Engine as _;

use super::credentials::Credentials;
use super::files::LocalFile;
use super::plan::Remote;
use super::sigv4::{self, EMPTY_SHA256};
use crate::config::deploy::Target;

/// Tries of one request: the first and four more, after 0.25, 0.5, 1 and 2 seconds.
const TRIES: u32 = 5;
/// S3 deletes at most this many objects per request.
const DELETE_BATCH: usize = 1000;

/// What went wrong with the bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Error {
    /// No answer: no network, a wrong endpoint, a server that is down.
    Network {
        endpoint: String,
        detail: String,
    },
    /// The access key is unknown to the storage.
    UnknownKey,
    /// The secret does not belong to the access key.
    WrongSecret,
    /// A temporary key that expired or is not valid.
    ExpiredToken,
    /// The key may not do this with the bucket.
    AccessDenied {
        action: &'static str,
    },
    NoSuchBucket {
        bucket: String,
    },
    /// The bucket lives in another region than the one the request was signed for.
    WrongRegion {
        region: Option<String>,
    },
    /// This computer's clock differs too much from the storage's.
    ClockSkew {
        minutes: Option<i64>,
    },
    /// Any other refusal, as the storage said it.
    Server {
        status: u16,
        code: String,
        message: String,
    },
    /// A file of the build could not be read.
    Read {
        path: String,
        reason: String,
    },
}

/// An answer from the storage.
struct Answer {
    status: u16,
    body: Vec<u8>,
    bucket_region: Option<String>,
    meta_md5: Option<String>,
}

/// A connection to one bucket.
pub(crate) struct Client {
    agent: ureq::Agent,
    /// `https://host[:port]`.
    origin: String,
    /// The `Host` header.
    host: String,
    /// `/bucket` for path-style addressing, empty for virtual-hosted.
    base: String,
    bucket: String,
    region: String,
    creds: Credentials,
}

impl Client {
    /// A client for `target`: path-style at its endpoint, or virtual-hosted at Amazon S3.
    pub(crate) fn new(target: &Target, region: &str, creds: Credentials) -> Client {
        let (origin, base) = match &target.endpoint {
            Some(e) => (e.clone(), format!("/{}", target.bucket)),
            // Names with dots do not fit Amazon's certificate as a host name: path style.
            None if target.bucket.contains('.') => (
                format!("https://s3.{region}.amazonaws.com"),
                format!("/{}", target.bucket),
            ),
            None => (
                format!("https://{}.s3.{region}.amazonaws.com", target.bucket),
                String::new(),
            ),
        };
        let host = origin
            .split_once("://")
            .map_or(origin.as_str(), |(_, h)| h)
            .to_string();
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(300)))
            .max_idle_connections_per_host(32)
            .max_redirects(0)
            .user_agent(concat!("plein/", env!("CARGO_PKG_VERSION")))
            .build();
        Client {
            agent: config.into(),
            origin,
            host,
            base,
            bucket: target.bucket.clone(),
            region: region.to_string(),
            creds,
        }
    }

    /// The storage's address, for messages.
    pub(crate) fn origin(&self) -> &str {
        &self.origin
    }

    /// Every object whose key starts with `prefix`, keys given below the prefix.
    pub(crate) fn list(&self, prefix: &str) -> Result<Vec<Remote>, Error> {
        let mut found = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut query = vec![("list-type", "2"), ("prefix", prefix)];
            if let Some(t) = &token {
                query.push(("continuation-token", t.as_str()));
            }
            let answer = self.send("GET", "", &query, &[], &[], "list")?;
            let page = ListPage::parse(&answer.body).map_err(|message| Error::Server {
                status: answer.status,
                code: "InvalidXml".into(),
                message,
            })?;
            found.extend(page.objects.into_iter().filter_map(|mut r| {
                r.key = r.key.strip_prefix(prefix)?.to_string();
                (!r.key.is_empty()).then_some(r)
            }));
            match page.next {
                Some(next) => token = Some(next),
                None => return Ok(found),
            }
        }
    }

    /// The MD5 plein stored in an object's metadata, for objects whose ETag is not one.
    pub(crate) fn stored_md5(&self, key: &str) -> Result<Option<[u8; 16]>, Error> {
        let answer = self.send("HEAD", key, &[], &[], &[], "list")?;
        Ok(answer.meta_md5.as_deref().and_then(parse_md5))
    }

    /// Store `file` at `key` with its content type, cache policy and encoding.
    pub(crate) fn put(&self, key: &str, file: &LocalFile) -> Result<(), Error> {
        let body = file.body().map_err(|e| Error::Read {
            path: file.path.display().to_string(),
            reason: e.to_string(),
        })?;
        let content_md5 = base64::engine::general_purpose::STANDARD.encode(file.md5);
        let md5_hex = sigv4::hex(&file.md5);
        let mut headers = vec![
            ("cache-control", file.kind.cache_control(&file.key)),
            ("content-md5", content_md5.as_str()),
            ("content-type", file.kind.content_type()),
            ("x-amz-meta-plein-md5", md5_hex.as_str()),
        ];
        if file.gzip {
            headers.push(("content-encoding", "gzip"));
        }
        self.send("PUT", key, &[], &headers, &body, "put")?;
        Ok(())
    }

    /// Delete the objects at `keys`, a thousand per request.
    pub(crate) fn delete(&self, keys: &[String]) -> Result<(), Error> {
        for batch in keys.chunks(DELETE_BATCH) {
            let mut xml = String::from("<Delete><Quiet>true</Quiet>");
            for key in batch {
                xml.push_str(&format!("<Object><Key>{}</Key></Object>", escape_xml(key)));
            }
            xml.push_str("</Delete>");
            let content_md5 =
                base64::engine::general_purpose::STANDARD.encode(md5::compute(&xml).0);
            let headers = [
                ("content-md5", content_md5.as_str()),
                ("content-type", "application/xml"),
            ];
            let answer = self.send(
                "POST",
                "",
                &[("delete", "")],
                &headers,
                xml.as_bytes(),
                "delete",
            )?;
            if let Some(e) = first_error(&answer.body) {
                return Err(classify(200, &e, None, "delete", &self.bucket));
            }
        }
        Ok(())
    }

    /// One request, tried again on network errors and 5xx answers.
    fn send(
        &self,
        method: &str,
        key: &str,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
        body: &[u8],
        action: &'static str,
    ) -> Result<Answer, Error> {
        let mut tries = 0;
        loop {
            tries += 1;
            let result = self.send_once(method, key, query, headers, body);
            let retry = match &result {
                Err(_) => true,
                Ok(a) => a.status >= 500 || a.status == 429,
            };
            if retry && tries < TRIES {
                std::thread::sleep(backoff(tries));
                continue;
            }
            let answer = result.map_err(|detail| Error::Network {
                endpoint: self.origin.clone(),
                detail,
            })?;
            if (200..300).contains(&answer.status) {
                return Ok(answer);
            }
            let parsed = ErrorXml::parse(&answer.body);
            return Err(classify(
                answer.status,
                &parsed,
                answer.bucket_region,
                action,
                &self.bucket,
            ));
        }
    }

    fn send_once(
        &self,
        method: &str,
        key: &str,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Answer, String> {
        let path = match (self.base.as_str(), key) {
            ("", "") => "/".to_string(),
            (base, "") => base.to_string(),
            (base, key) => format!("{base}/{}", sigv4::encode_path(key)),
        };
        let payload = if body.is_empty() {
            EMPTY_SHA256.to_string()
        } else {
            sigv4::sha256_hex(body)
        };
        let request = sigv4::Request {
            method,
            host: &self.host,
            path: &path,
            query,
            headers,
            payload_sha256: &payload,
        };
        let signed = sigv4::sign(&request, &self.creds, &self.region, jiff::Timestamp::now());
        let query = sigv4::canonical_query(query);
        let url = if query.is_empty() {
            format!("{}{path}", self.origin)
        } else {
            format!("{}{path}?{query}", self.origin)
        };
        let mut builder = ureq::http::Request::builder().method(method).uri(&url);
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        for (k, v) in &signed {
            builder = builder.header(*k, v.as_str());
        }
        let request = builder.body(body.to_vec()).map_err(|e| e.to_string())?;
        let mut response = self.agent.run(request).map_err(|e| e.to_string())?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let bucket_region = header("x-amz-bucket-region");
        let meta_md5 = header("x-amz-meta-plein-md5");
        let status = response.status().as_u16();
        let body = if method == "HEAD" {
            Vec::new()
        } else {
            response
                .body_mut()
                .with_config()
                .limit(64 * 1024 * 1024)
                .read_to_vec()
                .map_err(|e| e.to_string())?
        };
        Ok(Answer {
            status,
            body,
            bucket_region,
            meta_md5,
        })
    }
}

/// The wait before try `n + 1`: doubling from a quarter second, with some jitter so that
/// parallel uploads do not all come back at once.
fn backoff(n: u32) -> Duration {
    let base = 250u64 << (n - 1).min(6);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64);
    Duration::from_millis(base + nanos % (base / 4 + 1))
}

/// An S3 error answer: `<Error><Code>..</Code><Message>..</Message>...</Error>`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct ErrorXml {
    code: String,
    message: String,
    region: Option<String>,
    server_time: Option<String>,
    request_time: Option<String>,
}

impl ErrorXml {
    fn parse(body: &[u8]) -> ErrorXml {
        let Ok(text) = std::str::from_utf8(body) else {
            return ErrorXml::default();
        };
        let Ok(doc) = roxmltree::Document::parse(text) else {
            return ErrorXml::default();
        };
        let root = doc.root_element();
        ErrorXml::from_node(root)
    }

    fn from_node(node: roxmltree::Node<'_, '_>) -> ErrorXml {
        let get = |name: &str| child_text(node, name);
        ErrorXml {
            code: get("Code").unwrap_or_default(),
            message: get("Message").unwrap_or_default(),
            region: get("Region"),
            server_time: get("ServerTime"),
            request_time: get("RequestTime"),
        }
    }
}

fn child_text(node: roxmltree::Node<'_, '_>, name: &str) -> Option<String> {
    node.children()
        .find(|c| c.tag_name().name() == name)
        .and_then(|c| c.text())
        .map(|t| t.trim().to_string())
}

/// The first `<Error>` of a DeleteObjects answer.
fn first_error(body: &[u8]) -> Option<ErrorXml> {
    let text = std::str::from_utf8(body).ok()?;
    let doc = roxmltree::Document::parse(text).ok()?;
    doc.root_element()
        .children()
        .find(|c| c.tag_name().name() == "Error")
        .map(ErrorXml::from_node)
}

/// The error an answer means, by its code first and its status after.
fn classify(
    status: u16,
    e: &ErrorXml,
    bucket_region: Option<String>,
    action: &'static str,
    bucket: &str,
) -> Error {
    match e.code.as_str() {
        "InvalidAccessKeyId" | "InvalidClientTokenId" => Error::UnknownKey,
        "SignatureDoesNotMatch" => Error::WrongSecret,
        "ExpiredToken" | "InvalidToken" | "TokenRefreshRequired" => Error::ExpiredToken,
        "AccessDenied" | "AllAccessDisabled" => Error::AccessDenied { action },
        "NoSuchBucket" => Error::NoSuchBucket {
            bucket: bucket.to_string(),
        },
        "RequestTimeTooSkewed" => Error::ClockSkew {
            minutes: skew_minutes(e),
        },
        "AuthorizationHeaderMalformed"
        | "PermanentRedirect"
        | "IllegalLocationConstraintException"
            if e.region.is_some() || bucket_region.is_some() || e.code == "PermanentRedirect" =>
        {
            Error::WrongRegion {
                region: e.region.clone().or(bucket_region),
            }
        }
        "" => match status {
            // HEAD answers have no body; their status says it all.
            301 => Error::WrongRegion {
                region: bucket_region,
            },
            403 => Error::AccessDenied { action },
            404 => Error::NoSuchBucket {
                bucket: bucket.to_string(),
            },
            _ => Error::Server {
                status,
                code: String::new(),
                message: String::new(),
            },
        },
        code => Error::Server {
            status,
            code: code.to_string(),
            message: e.message.clone(),
        },
    }
}

/// How far this computer's clock is off, from the times in a RequestTimeTooSkewed answer.
fn skew_minutes(e: &ErrorXml) -> Option<i64> {
    let parse = |t: &Option<String>| {
        let t = t.as_deref()?;
        t.parse::<jiff::Timestamp>()
            .ok()
            .or_else(|| jiff::fmt::rfc2822::parse(t).ok().map(|z| z.timestamp()))
            .or_else(|| {
                jiff::civil::DateTime::strptime("%Y%m%dT%H%M%SZ", t)
                    .ok()
                    .and_then(|d| d.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok())
                    .map(|z| z.timestamp())
            })
    };
    let server = parse(&e.server_time)?;
    let request = parse(&e.request_time).unwrap_or_else(jiff::Timestamp::now);
    Some((request.as_second() - server.as_second()) / 60)
}

/// One page of a ListObjectsV2 answer.
#[derive(Debug)]
struct ListPage {
    objects: Vec<Remote>,
    next: Option<String>,
}

impl ListPage {
    fn parse(body: &[u8]) -> Result<ListPage, String> {
        let text = std::str::from_utf8(body).map_err(|e| e.to_string())?;
        let doc = roxmltree::Document::parse(text).map_err(|e| e.to_string())?;
        let root = doc.root_element();
        let objects = root
            .children()
            .filter(|c| c.tag_name().name() == "Contents")
            .filter_map(|c| {
                Some(Remote {
                    key: child_text(c, "Key")?,
                    size: child_text(c, "Size")?.parse().ok()?,
                    md5: child_text(c, "ETag").as_deref().and_then(parse_md5),
                })
            })
            .collect();
        let truncated = child_text(root, "IsTruncated").as_deref() == Some("true");
        let next = child_text(root, "NextContinuationToken").filter(|_| truncated);
        Ok(ListPage { objects, next })
    }
}

/// The MD5 in an ETag (`"hex"`), when it is one: not for multipart or encrypted objects.
fn parse_md5(etag: &str) -> Option<[u8; 16]> {
    let hex = etag.trim().trim_matches('"');
    if hex.len() != 32 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_pages_are_read() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>buurt</Name><Prefix>site/</Prefix><KeyCount>2</KeyCount><IsTruncated>true</IsTruncated>
  <Contents><Key>site/index.html</Key><ETag>&quot;49f68a5c8493ec2c0bf489821c21fc3b&quot;</ETag><Size>2</Size></Contents>
  <Contents><Key>site/big.jpg</Key><ETag>"a3f1e0c2b9d8e7f6a5b4c3d2e1f0a9b8-3"</ETag><Size>99</Size></Contents>
  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
</ListBucketResult>"#;
        let page = ListPage::parse(xml.as_bytes()).expect("parsed");
        assert_eq!(page.objects.len(), 2);
        assert_eq!(page.objects[0].key, "site/index.html");
        assert_eq!(page.objects[0].md5, Some(md5::compute(b"hi").0));
        assert_eq!(page.objects[1].md5, None, "a multipart ETag is no MD5");
        assert!(page.next.is_some());
    }

    #[test]
    fn errors_are_told_apart() {
        let e = |xml: &str, status| {
            classify(
                status,
                &ErrorXml::parse(xml.as_bytes()),
                None,
                "list",
                "buurt",
            )
        };
        assert_eq!(
            e(
                "<Error><Code>SignatureDoesNotMatch</Code><Message>x</Message></Error>",
                403
            ),
            Error::WrongSecret
        );
        assert_eq!(
            e("<Error><Code>InvalidAccessKeyId</Code></Error>", 403),
            Error::UnknownKey
        );
        assert_eq!(
            e("<Error><Code>NoSuchBucket</Code></Error>", 404),
            Error::NoSuchBucket {
                bucket: "buurt".into()
            }
        );
        assert_eq!(
            e(
                "<Error><Code>AuthorizationHeaderMalformed</Code><Region>eu-central-1</Region></Error>",
                400
            ),
            Error::WrongRegion {
                region: Some("eu-central-1".into())
            }
        );
        // Amazon's answer to a request signed 20 minutes ahead of its clock.
        let skewed = "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20261205T143000Z</RequestTime><ServerTime>2026-12-05T14:10:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>";
        assert_eq!(e(skewed, 403), Error::ClockSkew { minutes: Some(20) });
        assert_eq!(e("", 403), Error::AccessDenied { action: "list" });
        assert!(matches!(
            e("<Error><Code>SlowDown</Code></Error>", 503),
            Error::Server { status: 503, .. }
        ));
    }

    #[test]
    fn delete_errors_are_found() {
        let xml = "<DeleteResult><Deleted><Key>a</Key></Deleted><Error><Key>b</Key><Code>AccessDenied</Code><Message>no</Message></Error></DeleteResult>";
        assert_eq!(
            first_error(xml.as_bytes()).map(|e| e.code),
            Some("AccessDenied".into())
        );
        assert_eq!(escape_xml("a&b<c>.html"), "a&amp;b&lt;c&gt;.html");
    }
}
