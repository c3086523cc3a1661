//! AWS Signature Version 4 for S3 requests, in the `Authorization` header.
//!
//! Pure: it knows the request's parts and the time, nothing of sockets. The tests are the
//! worked examples of Amazon's S3 documentation ("Signature calculations for the
//! Authorization header"); the deploy tests add a server that checks every signature.

use ring::{digest, hmac};

use super::credentials::Credentials;

/// The SHA-256 of an empty body, sent with requests that have none.
pub(crate) const EMPTY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The parts of a request that are signed.
#[derive(Debug)]
pub(crate) struct Request<'a> {
    pub method: &'a str,
    /// The host, with `:port` unless it is the scheme's default.
    pub host: &'a str,
    /// The path, already percent-encoded as it is sent (see [`encode_path`]).
    pub path: &'a str,
    /// Query parameters, not yet encoded.
    pub query: &'a [(&'a str, &'a str)],
    /// Other headers to sign, such as content-type; names in any case.
    pub headers: &'a [(&'a str, &'a str)],
    /// The hex SHA-256 of the body.
    pub payload_sha256: &'a str,
}

/// The headers to add to the request: `x-amz-date`, `x-amz-content-sha256`, maybe
/// `x-amz-security-token`, and `authorization`.
pub(crate) fn sign(
    req: &Request<'_>,
    creds: &Credentials,
    region: &str,
    now: jiff::Timestamp,
) -> Vec<(&'static str, String)> {
    let utc = now.to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let amz_date = utc.strftime("%Y%m%dT%H%M%SZ").to_string();
    let day = &amz_date[..8];
    let mut added = vec![
        ("x-amz-content-sha256", req.payload_sha256.to_string()),
        ("x-amz-date", amz_date.clone()),
    ];
    if let Some(token) = &creds.session_token {
        added.push(("x-amz-security-token", token.clone()));
    }
    let mut headers: Vec<(String, String)> = req
        .headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_string()))
        .chain(std::iter::once(("host".to_string(), req.host.to_string())))
        .chain(added.iter().map(|(k, v)| (k.to_string(), v.clone())))
        .collect();
    headers.sort();
    let signed_headers = headers
        .iter()
        .map(|(k, _)| k.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let canonical_headers: String = headers.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    let canonical = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{}",
        req.method,
        req.path,
        canonical_query(req.query),
        req.payload_sha256
    );
    let scope = format!("{day}/{region}/s3/aws4_request");
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        sha256_hex(canonical.as_bytes())
    );
    let mut key = format!("AWS4{}", creds.secret).into_bytes();
    for part in [day, region, "s3", "aws4_request"] {
        key = hmac_sha256(&key, part.as_bytes());
    }
    let signature = hex(&hmac_sha256(&key, string_to_sign.as_bytes()));
    added.push((
        "authorization",
        format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
            creds.access_key_id
        ),
    ));
    added
}

/// The query string as sent and as signed: encoded, sorted by name.
pub(crate) fn canonical_query(query: &[(&str, &str)]) -> String {
    let mut pairs: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (encode(k, true), encode(v, true)))
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// A path with every byte but the unreserved ones and `/` percent-encoded.
pub(crate) fn encode_path(path: &str) -> String {
    encode(path, false)
}

/// URI-encoding as SigV4 defines it: unreserved characters kept, the rest `%XX` (upper case).
fn encode(s: &str, encode_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char);
            }
            b'/' if !encode_slash => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(digest::digest(&digest::SHA256, bytes).as_ref())
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    hmac::sign(&key, data).as_ref().to_vec()
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example keys of Amazon's documentation.
    fn example() -> Credentials {
        Credentials {
            access_key_id: "AKIAIOSFODNN7EXAMPLE".into(),
            secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
            session_token: None,
        }
    }

    fn signature(req: &Request<'_>) -> String {
        let now: jiff::Timestamp = "2013-05-24T00:00:00Z".parse().expect("a time");
        let headers = sign(req, &example(), "us-east-1", now);
        let auth = &headers.last().expect("an authorization").1;
        auth.rsplit("Signature=")
            .next()
            .expect("a signature")
            .to_string()
    }

    #[test]
    fn get_object_example() {
        let req = Request {
            method: "GET",
            host: "examplebucket.s3.amazonaws.com",
            path: "/test.txt",
            query: &[],
            headers: &[("Range", "bytes=0-9")],
            payload_sha256: EMPTY_SHA256,
        };
        assert_eq!(
            signature(&req),
            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        );
    }

    #[test]
    fn put_object_example() {
        let body = "Welcome to Amazon S3.";
        let sha = sha256_hex(body.as_bytes());
        let path = encode_path("/test$file.text");
        assert_eq!(path, "/test%24file.text");
        let req = Request {
            method: "PUT",
            host: "examplebucket.s3.amazonaws.com",
            path: &path,
            query: &[],
            headers: &[
                ("Date", "Fri, 24 May 2013 00:00:00 GMT"),
                ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ],
            payload_sha256: &sha,
        };
        assert_eq!(
            signature(&req),
            "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"
        );
    }

    #[test]
    fn list_objects_example() {
        let req = Request {
            method: "GET",
            host: "examplebucket.s3.amazonaws.com",
            path: "/",
            query: &[("prefix", "J"), ("max-keys", "2")],
            headers: &[],
            payload_sha256: EMPTY_SHA256,
        };
        assert_eq!(
            signature(&req),
            "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"
        );
    }

    #[test]
    fn query_values_are_encoded_and_sorted() {
        assert_eq!(
            canonical_query(&[("prefix", "site/a b"), ("list-type", "2"), ("delete", "")]),
            "delete=&list-type=2&prefix=site%2Fa%20b"
        );
        assert_eq!(
            encode_path("/b/verhalen/café.jpg"),
            "/b/verhalen/caf%C3%A9.jpg"
        );
    }
}
