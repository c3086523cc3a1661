"""Validate the front matter of plein content files against `plein schema` output.

Usage: python3 validate.py SCHEMA_DIR FILE.md...

SCHEMA_DIR holds story.schema.json, event.schema.json, ... as `plein schema --out` writes
them; each file is checked against the schema of its folder under content/. YAML is read as
plein reads it (YAML 1.2: a date such as 2022-07-18 stays text). Prints one line per problem
and exits 1 when there is any, 0 when every file is valid.
"""

import json
import pathlib
import re
import sys

import jsonschema
import yaml

FOLDERS = {
    "stories": "story",
    "events": "event",
    "neighbourhoods": "neighbourhood",
    "people": "person",
    "pages": "page",
}


class Loader(yaml.SafeLoader):
    """PyYAML read as YAML 1.2, as plein reads it: a date such as 2022-07-18 stays text, and
    only true and false are booleans (in YAML 1.1, `on:` and `no` are booleans too)."""


Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines[0] != "---":
        raise ValueError("no front matter")
    end = lines.index("---", 1)
    return yaml.load("\n".join(lines[1:end]), Loader=Loader) or {}


def content_type(path):
    parts = path.parts
    folder = parts[parts.index("content") + 1]
    return FOLDERS[folder]


def main(schema_dir, files):
    schema_dir = pathlib.Path(schema_dir)
    validators = {}
    problems = 0
    for name in files:
        path = pathlib.Path(name)
        kind = content_type(path)
        if kind not in validators:
            schema = json.loads((schema_dir / f"{kind}.schema.json").read_text())
            jsonschema.Draft202012Validator.check_schema(schema)
            validators[kind] = jsonschema.Draft202012Validator(schema)
        for error in validators[kind].iter_errors(front_matter(path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(front matter)"
            print(f"{path}: {where}: {error.message}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
