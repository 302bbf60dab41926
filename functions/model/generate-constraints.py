#!/usr/bin/env python3
"""Regenerates functions/src/main/resources/dev/userpool/validation/cognito-idp-constraints.json.

It reads botocore's service model for cognito-idp (2016-04-18) and keeps only what request validation
needs: all 122 operations of the current API, their input shapes, and for every reachable shape its
type, required members, lengths, ranges, patterns, enums and whether it is sensitive. Documentation
text is dropped. Run it with any python3 that has botocore; the build itself never runs python.
"""
import gzip
import json
import os
import sys

import botocore

EXPECTED_OPERATIONS = 122
KEPT_TRAITS = ("min", "max", "pattern", "enum", "sensitive")


def main(out_path):
    model_path = os.path.join(os.path.dirname(botocore.__file__), "data", "cognito-idp", "2016-04-18",
                              "service-2.json.gz")
    with gzip.open(model_path) as f:
        model = json.load(f)
    shapes = model["shapes"]
    operations = {}
    reachable = set()

    def visit(name):
        if name in reachable:
            return
        reachable.add(name)
        shape = shapes[name]
        for member in shape.get("members", {}).values():
            visit(member["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                visit(shape[key]["shape"])

    for name in sorted(model["operations"]):
        op = model["operations"][name]
        operations[name] = {
            "input": op["input"]["shape"],
            "auth": "none" if op.get("authtype") == "none" else "sigv4",
            "errors": sorted(e["shape"] for e in op.get("errors", [])),
        }
        visit(op["input"]["shape"])

    compact = {}
    for name in sorted(reachable):
        shape = shapes[name]
        # A document member (e.g. ManagedLoginBranding Settings, a WebAuthn credential) is free-form JSON.
        out = {"type": "document" if shape.get("document") else shape["type"]}
        for trait in KEPT_TRAITS:
            if trait in shape:
                out[trait] = shape[trait]
        if shape["type"] == "structure":
            out["members"] = {m: v["shape"] for m, v in shape["members"].items()}
            if shape.get("required"):
                out["required"] = shape["required"]
        for key in ("member", "key", "value"):
            if key in shape:
                out[key] = shape[key]["shape"]
        compact[name] = out

    # The model this project targets; a newer botocore with more operations needs a deliberate update.
    if len(operations) != EXPECTED_OPERATIONS:
        sys.exit(f"expected {EXPECTED_OPERATIONS} operations, found {len(operations)}")
    result = {
        "source": f"botocore {botocore.__version__} cognito-idp 2016-04-18",
        "operations": operations,
        "shapes": compact,
    }
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(operations)} operations, {len(compact)} shapes to {out_path}")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "src", "main", "resources", "dev", "userpool", "validation",
                           "cognito-idp-constraints.json")
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(default))
