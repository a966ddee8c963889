"""``make audit``: known-vulnerability check of the installed dependencies with pip-audit.

pip-audit asks an advisory service (PyPI's JSON API by default) about each package. Where that
service cannot be reached or answers "not found" for every package (an offline machine, a
PyPI mirror without the JSON API), nothing was audited: this says so plainly and exits 0
instead of failing the build for a reason that has nothing to do with the code. Set
``DATELINE_AUDIT_STRICT=1`` to fail in that case too. Known vulnerabilities always fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

STRICT = os.environ.get("DATELINE_AUDIT_STRICT") == "1"


def _unaudited(reason: str) -> int:
    print(f"dependency audit: NOT RUN — {reason}", file=sys.stderr)
    return 1 if STRICT else 0


def main() -> int:
    pip_audit = Path(sys.executable).with_name("pip-audit")
    command = [str(pip_audit), "--format", "json", "--progress-spinner", "off", "--skip-editable"]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except FileNotFoundError:
        return _unaudited("pip-audit is not installed (pip install -e '.[dev]')")
    except subprocess.TimeoutExpired:
        return _unaudited("the advisory service did not answer within 300 s")
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return _unaudited(f"the advisory service is unreachable from here ({last[:200]})")
    deps = report.get("dependencies", [])
    audited = [d for d in deps if "skip_reason" not in d]
    vulnerable = [d for d in audited if d.get("vulns")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            print(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})", file=sys.stderr)
    if vulnerable:
        return 1
    if not audited:
        return _unaudited(f"0 of {len(deps)} packages could be looked up (no advisory data reachable from here)")
    print(f"dependency audit: {len(audited)} of {len(deps)} packages checked, no known vulnerabilities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
