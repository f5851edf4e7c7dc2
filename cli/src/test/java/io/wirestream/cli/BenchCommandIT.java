package io.wirestream.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wirestream bench} end to end, with tiny rounds so that it takes about a minute: the legs alternate,
 * warm-up rounds are printed apart, and the summary's ratio is that of the printed medians.
 */
@Timeout(240)
class BenchCommandIT {
    private static final Pattern MEDIAN = Pattern.compile("(?m)^(pass-through|pipeline) +median +([\\d,]+) (records|articles)/s +range ([\\d,]+)-([\\d,]+)");
    private static final Pattern RATIO = Pattern.compile("(?m)^ratio of the medians, pipeline / pass-through: ([\\d.]+)$");

    @Test
    void shouldAlternateTheLegsAndSummariseMediansRangesAndTheirRatio() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Wirestream.run(new String[] {"bench", "--corpus", DemoCommandIT.SAMPLES.toString(), "--articles", "100",
                "--pass-through-records", "2000", "--rounds", "3", "--warm-up-rounds", "1", "--partitions", "2",
                "--latency-rate", "50", "--latency-seconds", "1"},
            new PrintWriter(out, true), new PrintWriter(err, true));
        String text = out.toString();
        assertEquals(0, exit, "bench failed: " + err);

        List<String> rounds = Arrays.stream(text.split("\n")).filter(l -> l.matches("^(pass-through|pipeline) +(warm-up|round) \\d:.*"))
            .map(l -> l.replaceAll(" +", " ").replaceAll(":.*", "")).toList();
        assertEquals(List.of("pass-through warm-up 1", "pipeline warm-up 1", "pass-through round 1", "pipeline round 1",
            "pass-through round 2", "pipeline round 2", "pass-through round 3", "pipeline round 3"), rounds);

        Matcher m = MEDIAN.matcher(text);
        double[] medians = new double[2];
        for (int i = 0; i < 2; i++) {
            assertTrue(m.find(), "no median line for the " + (i == 0 ? "pass-through" : "pipeline") + " in:\n" + text);
            medians[i] = number(m.group(2));
            assertTrue(number(m.group(4)) <= medians[i] && medians[i] <= number(m.group(5)), "median outside its range: " + m.group());
        }
        Matcher ratio = RATIO.matcher(text);
        assertTrue(ratio.find(), "no ratio line in:\n" + text);
        // the medians are printed rounded to whole records per second
        assertEquals(medians[1] / medians[0], Double.parseDouble(ratio.group(1)), 0.002 + 1.0 / medians[0]);
        assertTrue(text.contains("pipeline latency at 50 articles/s for 1 s: p50 "), text);
        assertTrue(text.contains("internal records per input article"), text);
    }

    private static double number(String printed) {
        return Double.parseDouble(printed.replace(",", ""));
    }
}
