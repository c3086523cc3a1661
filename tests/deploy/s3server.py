"""An S3 server for plein's deploy tests: moto in server mode, with signature checking.

Started by tests/cli/deploy.rs. It runs moto's S3 server on a free port of 127.0.0.1, makes
an IAM user whose keys the tests give plein, then turns on moto's request authentication, so
every request must carry a valid AWS Signature V4 of that user: a wrong secret is refused as
it would be by a real bucket. It then answers commands, one JSON line in, one JSON line out,
and reads the buckets back with boto3, a client independent of plein's own. It stops when its
standard input closes, that is when the test process ends.

Commands:
  {"cmd": "bucket", "name": N}                      make a bucket
  {"cmd": "put", "bucket": B, "key": K, "body": S}  put an object as another tool would
  {"cmd": "list", "bucket": B}                      every object: key, etag, size, last_modified,
                                                    content_type, cache_control, encoding, md5
                                                    of the body after undoing gzip
  {"cmd": "count", "bucket": B}                     how many objects
  {"cmd": "requests", "bucket": B}                  the writing requests B got since the last
                                                    time asked: ["PUT key", "DELETE key", "POST ?delete"]
  {"cmd": "wait", "bucket": B, "puts": N}           return once B got N PUT requests (20 s at most)
  {"cmd": "multipart", "bucket": B, "key": K, "body": S, "plein_md5": M,
   "content_type": T, "cache_control": C}
                                                    store an object in two parts, as tools do
                                                    with big files: its ETag is no MD5; M, if
                                                    given, is put in the metadata plein reads
  {"cmd": "fail", "bucket": B, "puts": N}           answer the next N uploads to B with
                                                    503 Slow Down, as a busy S3 does
"""

import gzip
import hashlib
import json
import logging
import os
import sys
import time

# Small parts for the multipart command; read by moto when it is imported.
os.environ.setdefault("S3_UPLOAD_PART_MIN_SIZE", "1")

import threading

import boto3
import moto.settings
from moto.iam import access_control
from botocore.config import Config
from moto.moto_server import werkzeug_app
from moto.server import ThreadedMotoServer

REGION = "eu-west-1"

# Every request the server got, as (method, path, query): what reached the server, whatever
# the client says it sent.
SEEN = []
_dispatch = werkzeug_app.DomainDispatcherApplication.__call__
# The request line as it came, for the signature check below.
_raw = threading.local()


# Buckets whose next PUTs of an object are answered 503 Slow Down: bucket -> how many.
FAILS = {}
_fails_lock = threading.Lock()
SLOW_DOWN = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>'
    b"<Message>Please reduce your request rate.</Message></Error>"
)


def _counting(self, environ, start_response):
    method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
    SEEN.append((method, path, environ.get("QUERY_STRING", "")))
    parts = path.lstrip("/").split("/", 1)
    if method == "PUT" and len(parts) == 2:
        with _fails_lock:
            fail = FAILS.get(parts[0], 0) > 0
            if fail:
                FAILS[parts[0]] -= 1
        if fail:
            environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            start_response(
                "503 Slow Down",
                [("Content-Type", "application/xml"), ("Content-Length", str(len(SLOW_DOWN)))],
            )
            return [SLOW_DOWN]
    _raw.uri = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    return _dispatch(self, environ, start_response)


werkzeug_app.DomainDispatcherApplication.__call__ = _counting

# moto checks a signature over the path and query it has already percent-decoded, so any
# request whose query holds an encoded character (`prefix=site%2F`, as Signature V4 wants
# it) fails its check, from boto3 as well. Amazon S3 checks the request as sent: give moto
# the raw request line instead.
_iam_init = access_control.S3IAMRequest.__init__


def _raw_path_init(self, *args, **kwargs):
    raw = getattr(_raw, "uri", None)
    if raw and "path" in kwargs:
        kwargs["path"] = raw
    _iam_init(self, *args, **kwargs)


access_control.S3IAMRequest.__init__ = _raw_path_init


def main():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # Until authentication is on, any key will do for making the user.
    setup = dict(
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="setup",
        aws_secret_access_key="setup",
    )
    iam = boto3.client("iam", **setup)
    iam.create_user(UserName="plein")
    key = iam.create_access_key(UserName="plein")["AccessKey"]
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}],
    }
    iam.put_user_policy(
        UserName="plein", PolicyName="s3", PolicyDocument=json.dumps(policy)
    )
    moto.settings.INITIAL_NO_AUTH_ACTION_COUNT = 0
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=key["AccessKeyId"],
        aws_secret_access_key=key["SecretAccessKey"],
        config=Config(s3={"addressing_style": "path"}),
    )
    reply(
        {
            "endpoint": endpoint,
            "region": REGION,
            "access_key_id": key["AccessKeyId"],
            "secret_access_key": key["SecretAccessKey"],
        }
    )
    for line in sys.stdin:
        if line.strip():
            try:
                reply(answer(s3, json.loads(line)))
            except Exception as e:  # a failed command is the test's to report
                reply({"error": f"{type(e).__name__}: {e}"})


def answer(s3, req):
    cmd = req["cmd"]
    if cmd == "bucket":
        s3.create_bucket(
            Bucket=req["name"],
            CreateBucketConfiguration={"LocationConstraint": REGION},
        )
        return {"ok": True}
    if cmd == "put":
        s3.put_object(Bucket=req["bucket"], Key=req["key"], Body=req["body"].encode())
        return {"ok": True}
    if cmd == "list":
        return {"objects": [describe(s3, req["bucket"], o) for o in objects(s3, req["bucket"])]}
    if cmd == "multipart":
        body = req["body"].encode()
        meta = {"plein-md5": req["plein_md5"]} if req.get("plein_md5") else {}
        headers = {"ContentType": req.get("content_type", "binary/octet-stream")}
        if req.get("cache_control"):
            headers["CacheControl"] = req["cache_control"]
        up = s3.create_multipart_upload(
            Bucket=req["bucket"], Key=req["key"], Metadata=meta, **headers
        )
        parts = []
        for n, chunk in enumerate([body[: len(body) // 2], body[len(body) // 2 :]], start=1):
            part = s3.upload_part(
                Bucket=req["bucket"], Key=req["key"], UploadId=up["UploadId"], PartNumber=n, Body=chunk
            )
            parts.append({"PartNumber": n, "ETag": part["ETag"]})
        done = s3.complete_multipart_upload(
            Bucket=req["bucket"],
            Key=req["key"],
            UploadId=up["UploadId"],
            MultipartUpload={"Parts": parts},
        )
        return {"etag": done["ETag"].strip('"')}
    if cmd == "fail":
        with _fails_lock:
            FAILS[req["bucket"]] = req["puts"]
        return {"ok": True}
    if cmd == "requests":
        return {"requests": writes(req["bucket"], clear=True)}
    if cmd == "wait":
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            n = sum(1 for w in writes(req["bucket"]) if w.startswith("PUT "))
            if n >= req["puts"]:
                return {"puts": n}
            time.sleep(0.005)
        return {"error": f"fewer than {req['puts']} uploads after 20 s"}
    return {"error": f"unknown command {cmd}"}


SINCE = {}


def writes(bucket, clear=False):
    """The PUT, POST and DELETE requests to `bucket` since the last clear."""
    start = SINCE.get(bucket, 0)
    seen = SEEN[:]
    if clear:
        SINCE[bucket] = len(seen)
    found = []
    for method, path, query in seen[start:]:
        parts = path.lstrip("/").split("/", 1)
        if parts[0] != bucket or method not in ("PUT", "POST", "DELETE"):
            continue
        rest = parts[1] if len(parts) > 1 else ""
        found.append(f"{method} {rest}" if rest else f"{method} ?{query}")
    return found


def objects(s3, bucket):
    found = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        found.extend(page.get("Contents", []))
    return found


def describe(s3, bucket, obj):
    got = s3.get_object(Bucket=bucket, Key=obj["Key"])
    body = got["Body"].read()
    encoding = got.get("ContentEncoding")
    if encoding == "gzip":
        body = gzip.decompress(body)
    return {
        "key": obj["Key"],
        "etag": obj["ETag"].strip('"'),
        "size": obj["Size"],
        "last_modified": obj["LastModified"].isoformat(),
        "content_type": got.get("ContentType"),
        "cache_control": got.get("CacheControl"),
        "encoding": encoding,
        "md5": hashlib.md5(body).hexdigest(),
    }


def reply(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
