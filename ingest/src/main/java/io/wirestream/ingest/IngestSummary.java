package io.wirestream.ingest;

import java.util.List;

/**
 * What one ingest run did.
 *
 * @param files         input files read
 * @param published     articles acknowledged by Kafka
 * @param failed        items that were not valid articles (each dead-lettered with the reason)
 * @param sendFailures  articles Kafka did not accept (counted, logged; the run's exit status says so)
 * @param skippedFiles  files in the given folders that are of no known format
 * @param errors        one line per failure, naming the file and line
 */
public record IngestSummary(int files, int published, int failed, int sendFailures, int skippedFiles, List<String> errors) {
    public IngestSummary {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return failed == 0 && sendFailures == 0;
    }

    public String describe() {
        return String.format("%d files read, %d articles published, %d invalid (dead-lettered), %d not accepted by Kafka, %d files skipped",
            files, published, failed, sendFailures, skippedFiles);
    }
}
