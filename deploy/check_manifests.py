#!/usr/bin/env python3
"""Invariants of the deployment manifests that no schema states (run by deploy/check.sh).

  check_manifests.py K8S_YAML                      the output of `kubectl kustomize deploy/k8s/overlays/example`
  check_manifests.py --compose COMPOSE_YAML
  check_manifests.py --dashboard DASHBOARD_JSON ALERTS_YAML METRICS_SAMPLE

Prints each broken rule and exits 1 when there is one.
"""
import json
import re
import sys

import yaml

problems = []


def need(condition, message):
    if not condition:
        problems.append(message)


def k8s(path):
    with open(path, encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    dep = next((d for d in by_kind.get("Deployment", []) if d["metadata"]["name"] == "warddesk"), None)
    need(dep is not None, "no Deployment warddesk")
    if dep:
        spec = dep["spec"]
        need(spec.get("replicas", 1) >= 2, "Deployment must run at least 2 replicas")
        pod = spec["template"]["spec"]
        need(pod.get("securityContext", {}).get("runAsNonRoot") is True, "pod must set runAsNonRoot")
        for c in pod["containers"]:
            sc = c.get("securityContext", {})
            need(sc.get("readOnlyRootFilesystem") is True, f"container {c['name']}: readOnlyRootFilesystem")
            need(sc.get("allowPrivilegeEscalation") is False, f"container {c['name']}: allowPrivilegeEscalation false")
            need("ALL" in sc.get("capabilities", {}).get("drop", []), f"container {c['name']}: drop ALL capabilities")
            for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
                p = c.get(probe, {}).get("httpGet", {}).get("path", "")
                need(p.startswith("/observe/health"), f"container {c['name']}: {probe} on /observe/health*, got {p!r}")
            need(any(e.get("secretRef") for e in c.get("envFrom", [])), f"container {c['name']}: secrets via secretRef")
            need(c.get("resources", {}).get("requests", {}).get("cpu"), "CPU request needed for the HPA")
        mounts = {m["mountPath"] for c in pod["containers"] for m in c.get("volumeMounts", [])}
        need("/tmp" in mounts, "a writable /tmp volume is needed with a read-only root")
    pdbs = by_kind.get("PodDisruptionBudget", [])
    need(pdbs and pdbs[0]["spec"].get("minAvailable", 0) >= 1, "PodDisruptionBudget with minAvailable >= 1")
    hpas = by_kind.get("HorizontalPodAutoscaler", [])
    need(hpas and any(m["resource"]["name"] == "cpu" for m in hpas[0]["spec"]["metrics"]), "HPA on CPU")
    need(hpas and hpas[0]["spec"]["minReplicas"] >= 2, "HPA minReplicas >= 2")
    nps = by_kind.get("NetworkPolicy", [])
    need(nps and set(nps[0]["spec"]["policyTypes"]) == {"Ingress", "Egress"}, "NetworkPolicy on ingress and egress")
    need(by_kind.get("Secret"), "Secrets generated")
    mdb = by_kind.get("MariaDB", [])
    need(mdb and mdb[0]["spec"].get("galera", {}).get("enabled") is True, "MariaDB resource with galera.enabled")
    need(mdb and mdb[0]["spec"].get("replicas", 1) >= 3, "Galera needs 3 replicas")
    cm = next((d for d in by_kind.get("ConfigMap", []) if d["metadata"]["name"].startswith("warddesk-settings")), None)
    url = (cm or {}).get("data", {}).get("WARDDESK_DB_URL", "")
    need("-primary" in url, f"WARDDESK_DB_URL must use the operator's single-writer primary Service, got {url!r}")
    ing = by_kind.get("Ingress", [])
    paths = {p["path"] for i in ing for r in i["spec"]["rules"] for p in r["http"]["paths"]}
    need({"/webhooks/", "/api/", "/kiosk/", "/staff/"} <= paths, f"Ingress paths, got {sorted(paths)}")
    need(not any(p.startswith("/observe") for p in paths), "/observe must not be routed by the Ingress")


def compose(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    services = doc["services"]
    apps = [s for n, s in services.items() if n.startswith("warddesk")]
    need(len(apps) == 2, f"2 WardDesk services, got {len(apps)}")
    for s in apps:
        need(s.get("read_only") is True, "WardDesk containers run with a read-only root")
        need("sequential://" in s["environment"]["WARDDESK_DB_URL"], "WardDesk uses the sequential (single-writer) URL")
        need("ALL" in s.get("cap_drop", []), "WardDesk drops all capabilities")
    galera = [n for n in services if n.startswith("galera")]
    need(len(galera) == 3, f"3 Galera nodes, got {len(galera)}")
    need("nginx" in services, "nginx in front")
    need(doc["networks"]["db"].get("internal") is True, "the database network is internal")


def dashboard(path, alerts_path, sample_path):
    with open(path, encoding="utf-8") as f:
        board = json.load(f)
    exprs = [t["expr"] for p in board["panels"] for t in p.get("targets", [])]
    need(len(exprs) >= 6, f"dashboard panels with queries, got {len(exprs)}")
    with open(alerts_path, encoding="utf-8") as f:
        rules = [r for g in yaml.safe_load(f)["groups"] for r in g["rules"]]
    metric = re.compile(r"\b(warddesk_[a-z_]+|up|http_[a-z_]+|base_[a-z_]+|vendor_[a-z_]+|application_[a-z_]+)\b")
    used = {m for e in exprs + [r["expr"] for r in rules] for m in metric.findall(e)}
    need(used, "no metric names found in the queries")
    # Every metric a query names must exist in a real scrape of /observe/metrics (saved by ./warddesk cluster-test).
    with open(sample_path, encoding="utf-8") as f:
        exported = {line.split("{")[0].split(" ")[0] for line in f if line.strip() and not line.startswith("#")}
    exported.add("up")
    for name in sorted(used):
        need(name in exported, f"{name} is queried but not exported (not in {sample_path})")


if __name__ == "__main__":
    if sys.argv[1] == "--compose":
        compose(sys.argv[2])
    elif sys.argv[1] == "--dashboard":
        dashboard(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        k8s(sys.argv[1])
    for p in problems:
        print("broken: " + p)
    sys.exit(1 if problems else 0)
