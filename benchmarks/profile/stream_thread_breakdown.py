#!/usr/bin/env python3
"""Where the pipeline's stream threads spend their CPU, from a Java Flight Recorder file.

Usage:
    WIRESTREAM_JAVA_OPTS="-Xmx2g -XX:StartFlightRecording=filename=bench.jfr,settings=profile" bin/wirestream bench
    python3 benchmarks/profile/stream_thread_breakdown.py bench.jfr

Reads the execution samples (`jfr print --stack-depth 256 --events jdk.ExecutionSample`, so `jfr` from the JDK must be on
the PATH) of the pipeline's stream threads (names starting with `wirestream-bench-` and containing
`StreamThread`, producer network threads excluded) and attributes each sample to the component of the
innermost stack frame that belongs to a known component: a HashMap lookup made by OpenNLP counts as
language detection. Samples are taken only while a thread runs Java code; time spent waiting (poll,
commit) or in native code is not in them.
"""
import re
import subprocess
import sys
from collections import Counter

# (component, package prefixes), checked in this order for each frame
COMPONENTS = [
    ("language detection", ("opennlp.", "io.wirestream.enrichment.language.")),
    ("entity linking", ("io.wirestream.enrichment.entity.", "io.wirestream.enrichment.kb.",
                        "io.wirestream.enrichment.text.", "com.ibm.icu.text.Transliterat", "morfologik.")),
    ("other enrichment", ("io.wirestream.enrichment.", "io.wirestream.processors.enrich.")),
    ("dedup signature and index logic", ("io.wirestream.dedup.",)),
    ("dedup stage (Streams glue)", ("io.wirestream.processors.dedup.",)),
    ("cleaning", ("io.wirestream.processors.clean.",)),
    ("Avro and registry serdes", ("org.apache.avro.", "io.wirestream.registry.")),
    ("RocksDB", ("org.rocksdb.",)),
    ("Kafka clients (producer, consumer, compression)", ("org.apache.kafka.clients.", "org.apache.kafka.common.",
                                                         "com.github.luben.zstd.")),
    ("Kafka Streams runtime", ("org.apache.kafka.streams.",)),
    ("other pipeline code", ("io.wirestream.",)),
]

SAMPLE = re.compile(r"^jdk\.ExecutionSample", re.M)
THREAD = re.compile(r'sampledThread = "([^"]+)"')
FRAME = re.compile(r"^\s+([\w.$<>]+)\(", re.M)


def component(frames):
    for frame in frames:  # innermost first
        for name, prefixes in COMPONENTS:
            if frame.startswith(prefixes):
                return name
    return "JDK only (stack cut before a known frame)"


def main(path):
    text = subprocess.run(["jfr", "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    counts = Counter()
    for event in SAMPLE.split(text)[1:]:
        thread = THREAD.search(event)
        if not thread:
            continue
        name = thread.group(1)
        if not name.startswith("wirestream-bench-") or "StreamThread" not in name or "producer" in name:
            continue
        counts[component(FRAME.findall(event))] += 1
    total = sum(counts.values())
    if total == 0:
        sys.exit("no execution samples of the pipeline's stream threads in " + path)
    print(f"{total} samples of the pipeline's stream threads")
    for name, n in counts.most_common():
        print(f"{100.0 * n / total:5.1f} %  {name}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
