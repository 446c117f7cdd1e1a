#!/usr/bin/env python3
"""Folds a JFR recording of the harness (bench/harness/profile.sh) by package group (issue 22).

Reads the jdk.ExecutionSample events of the threads that run the certifications (lifecycle-*, the job executor),
leaves out start-up, and prints two tables: the share of CPU samples whose stack contains each group (inclusive) and
the share whose top frame is in it (self). Writes the folded stacks (one line per stack, frames ';'-joined, count)
for the flame graph and a self-contained SVG flame graph.

Usage: fold.py RECORDING.jfr OUT_PREFIX (record with -XX:FlightRecorderOptions:stackdepth=256: JFR keeps 64 frames by default)
"""
import collections
import html
import json
import subprocess
import sys

# first match wins, checked in this order against each frame's class name
GROUPS = [
    ("our code (cn.certflow)", ("cn.certflow.",)),
    ("forms (Camunda Forms, FormFieldsOnly reads)", ("org.camunda.bpm.engine.impl.form.", "org.camunda.bpm.engine.form.")),
    ("authorization", ("org.camunda.bpm.engine.impl.persistence.entity.Authorization", "org.camunda.bpm.engine.impl.db.AuthorizationCheck",
                       "org.camunda.bpm.engine.impl.identity.", "org.camunda.bpm.engine.impl.persistence.entity.Identity")),
    ("history", ("org.camunda.bpm.engine.impl.history.",)),
    ("DMN / FEEL", ("org.camunda.bpm.dmn.", "org.camunda.feel.", "org.camunda.bpm.engine.impl.dmn.")),
    ("Drools", ("org.drools.", "org.kie.", "org.mvel2.")),
    ("engine MyBatis / OGNL", ("org.apache.ibatis.",)),
    ("engine persistence (DbEntityManager, flush)", ("org.camunda.bpm.engine.impl.db.",)),
    ("engine BPMN execution (PVM, commands)", ("org.camunda.bpm.engine.",)),
    ("JDBC driver / pool", ("org.postgresql.", "com.zaxxer.hikari.")),
    ("Jackson / JSON", ("com.fasterxml.jackson.", "org.camunda.spin.", "org.camunda.bpm.engine.variable.")),
    ("Spring (transactions, proxies)", ("org.springframework.",)),
    ("JDK (collections, reflection, strings, crypto)", ("java.", "jdk.", "sun.", "javax.", "jakarta.")),
]


# command interceptors of ours that every engine command passes through: not "our code" by themselves
PASS_THROUGH = ("cn.certflow.security.FormFieldsOnly$Check.execute", "cn.certflow.security.GrantsOnly$Refusal.execute",
                "cn.certflow.security.AccountSecurityPlugin$PolicyRefusal.execute",
                "cn.certflow.system.ListenerExceptionUnwrapping$Unwrap.execute", "cn.certflow.bench.",
                "cn.certflow.application.CertificationDriver")
JDK = ("java.", "jdk.", "sun.", "javax.", "jakarta.")


def group(frame):
    if frame.startswith(PASS_THROUGH):
        return "harness and pass-through command interceptors"
    for name, prefixes in GROUPS:
        if frame.startswith(prefixes):
            return name
    return "other"


def samples(recording):
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                         check=True, capture_output=True, text=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or ""
        frames = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
                  for f in (values.get("stackTrace") or {}).get("frames", [])]
        yield thread, frames  # frames[0] is the top (leaf)


def main(recording, prefix):
    inclusive = collections.Counter()
    self_time = collections.Counter()
    attributed = collections.Counter()
    folded = collections.Counter()
    total = 0
    for thread, frames in samples(recording):
        if not frames or not (thread.startswith("lifecycle-") or "TaskExecutor" in thread or "JobExecutor" in thread):
            continue
        if any("SpringApplication.run" in f for f in frames):
            continue
        total += 1
        groups = {group(f) for f in frames}
        for g in groups:
            inclusive[g] += 1
        self_time[group(frames[0])] += 1
        owner = next((f for f in frames if not f.startswith(JDK)), frames[0])
        attributed[group(owner)] += 1
        folded[";".join(reversed([f.replace(";", ":") for f in frames]))] += 1
    lines = [f"CPU samples of the certification threads: {total}", "",
             "| package group | inclusive (stack contains it) | self (top frame) | self, JDK frames given to their caller |",
             "|---|---:|---:|---:|"]
    for name, _ in GROUPS + [("other", ()), ("harness and pass-through command interceptors", ())]:
        if inclusive[name] or self_time[name]:
            lines.append(f"| {name} | {100 * inclusive[name] / total:.1f} % | {100 * self_time[name] / total:.1f} % "
                         f"| {100 * attributed[name] / total:.1f} % |")
    print("\n".join(lines))
    with open(prefix + ".folded", "w") as out:
        for stack, count in folded.most_common():
            out.write(f"{stack} {count}\n")
    with open(prefix + ".md", "w") as out:
        out.write("\n".join(lines) + "\n")
    flame(folded, total, prefix + ".svg")


def flame(folded, total, path, width=1600, row=16, min_width=8.0):
    root = {}
    for stack, count in folded.items():
        node = root
        for frame in stack.split(";"):
            child = node.setdefault(frame, {"_n": 0, "_c": {}})
            child["_n"] += count
            node = child["_c"]
    rects = []
    depth_max = [0]

    def walk(children, x, depth):
        for frame, child in sorted(children.items()):
            w = width * child["_n"] / total
            if w >= min_width:
                rects.append((x, depth, w, frame, child["_n"]))
                depth_max[0] = max(depth_max[0], depth)
                walk(child["_c"], x, depth + 1)
            x += w

    walk(root, 0.0, 0)
    height = (depth_max[0] + 2) * row
    colours = {name: f"hsl({(i * 47) % 360},70%,65%)" for i, (name, _) in enumerate(GROUPS + [("other", ()), ("harness and pass-through command interceptors", ())])}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="monospace" font-size="10">',
           f'<text x="4" y="12">CertFlow certification steps, CPU samples: {total} (colour = package group; hover for the frame)</text>']
    for x, depth, w, frame, n in rects:
        y = height - (depth + 1) * row
        name = frame.rsplit(".", 2)
        label = ".".join(name[-2:]) if len(name) >= 2 else frame
        out.append(f'<g><title>{html.escape(frame)} ({n} samples, {100 * n / total:.1f} %)</title>'
                   f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row - 1}" fill="{colours[group(frame)]}"/>'
                   + (f'<text x="{x + 2:.1f}" y="{y + 11}">{html.escape(label[: int(w / 6)])}</text>' if w > 30 else "")
                   + "</g>")
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
