package io.wirestream.processors.dedup;

import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import java.util.List;

/**
 * What the verdict of one article produces inside the stage (never serialised): the article to pass
 * on (null for a copy) and the notices to write to {@code news.duplicates}.
 */
record DedupOutcome(EnrichedArticle article, List<DuplicateNotice> notices) {
    DedupOutcome {
        notices = List.copyOf(notices);
    }
}
