#!/usr/bin/env bash
# Lints what process owners edit in Camunda Modeler, and proves the lint can fail.
#   bpmn/*.bpmn: bpmnlint with bpmn/.bpmnlintrc (recommended rules + camunda-compat for Camunda 7.24)
#   bpmn/*.dmn:  dmnlint with bpmn/.dmnlintrc (parse errors, names, duplicate requirements)
#   src/test/lint/broken.*: deliberately broken models that must fail, each with the rules named below.
# Needs `npm ci` first (versions pinned in package.json, run on Node 20).
set -euo pipefail
cd "$(dirname "$0")/.."
lint() { npx --no-install "$@"; }

echo "bpmnlint bpmn/*.bpmn"
(cd bpmn && lint bpmnlint ./*.bpmn)
echo "dmnlint bpmn/*.dmn"
(cd bpmn && lint dmnlint ./*.dmn)

must_fail() {
    local fixture=$1; shift
    local output
    if output=$(lint "$@" "$fixture" 2>&1); then
        echo "FAIL: the lint passed $fixture, which is broken on purpose" >&2
        exit 1
    fi
    for rule in "${expected[@]}"; do
        if ! grep -q -- "$rule" <<<"$output"; then
            echo "FAIL: linting $fixture did not report $rule:" >&2
            echo "$output" >&2
            exit 1
        fi
    done
    echo "ok: $fixture fails as it should (${expected[*]})"
}
expected=(no-disconnected no-implicit-start camunda-compat/history-time-to-live)
must_fail src/test/lint/broken.bpmn bpmnlint -c bpmn/.bpmnlintrc
expected=(label-required)
must_fail src/test/lint/broken.dmn dmnlint -c bpmn/.dmnlintrc
