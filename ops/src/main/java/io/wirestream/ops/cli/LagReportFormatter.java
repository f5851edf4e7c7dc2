package io.wirestream.ops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.ops.lag.GroupLag;
import io.wirestream.ops.lag.LagReport;
import io.wirestream.ops.lag.PartitionLag;
import io.wirestream.ops.lag.TimeLag;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link LagReport} for the terminal: an aligned table, or one JSON object per partition and line. */
final class LagReportFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MISSING = "-";
    private static final String[] HEADER = {"GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG",
        "TIME-LAG", "STATUS", "CONSUMER-ID"};

    private LagReportFormatter() {
    }

    /**
     * One line per partition with {@code group, topic, partition, committedOffset, endOffset, lag,
     * timeLagSeconds, status, reason}; values the Kafka tool prints as {@code -} are JSON {@code null}.
     */
    static List<String> jsonLines(LagReport report) {
        List<String> lines = new ArrayList<>();
        for (GroupLag g : report.groups()) {
            for (PartitionLag p : g.partitions()) {
                ObjectNode n = JSON.createObjectNode();
                n.put("group", p.group());
                n.put("topic", p.topic());
                n.put("partition", p.partition());
                n.put("committedOffset", p.committedOffset());
                n.put("endOffset", p.endOffset());
                n.put("lag", p.lag());
                if (p.timeLag().isKnown()) {
                    n.put("timeLagSeconds", Math.round(p.timeLag().seconds() * 1000) / 1000.0);
                } else {
                    n.putNull("timeLagSeconds");
                }
                n.put("status", p.status().name());
                n.put("reason", p.verdict().reason());
                try {
                    lines.add(JSON.writeValueAsString(n));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }

    /** The partition table, then one status line per group with its reason. */
    static String table(LagReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (GroupLag g : report.groups()) {
            for (PartitionLag p : g.partitions()) {
                rows.add(new String[] {p.group(), p.topic(), Integer.toString(p.partition()), text(p.committedOffset()),
                    text(p.endOffset()), text(p.lag()), timeLag(p.timeLag()), p.status().name(),
                    p.consumerId() == null ? MISSING : p.consumerId()});
            }
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Consumer group lag at ").append(Instant.ofEpochMilli(report.timeMs())).append('\n');
        if (rows.size() > 1) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    sb.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        if (report.groups().isEmpty()) {
            sb.append("No consumer groups.\n");
        }
        for (GroupLag g : report.groups()) {
            sb.append(String.format(Locale.ROOT, "%s (%s, %d member%s, total lag %d): %s - %s%n",
                g.group(), g.state(), g.members(), g.members() == 1 ? "" : "s", g.totalLag(), g.status(),
                g.verdict().reason()));
        }
        return sb.toString();
    }

    /** Seconds with the estimate's confidence: {@code ~} extrapolated, {@code >} a lower bound. */
    static String timeLag(TimeLag t) {
        String prefix = switch (t.method()) {
            case UNKNOWN -> null;
            case CAUGHT_UP, INTERPOLATED -> "";
            case EXTRAPOLATED -> "~";
            case LOWER_BOUND -> ">";
        };
        return prefix == null ? MISSING : prefix + String.format(Locale.ROOT, "%.1fs", t.seconds());
    }

    private static String text(Long value) {
        return value == null ? MISSING : value.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
