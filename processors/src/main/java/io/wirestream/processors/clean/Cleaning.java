package io.wirestream.processors.clean;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.ProcessingInfo;
import io.wirestream.avro.RawArticle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first step of the pipeline as plain logic: a {@link RawArticle} becomes an {@link EnrichedArticle}
 * with a cleaned body and title, not yet deduplicated ({@code NOT_CHECKED}) nor enriched
 * ({@code language=und}, no entities). When the source gave no title, the first line of the cleaned text
 * is taken if it reads like a headline, else its first sentence (after a wire dateline such as
 * "BAKU, Azerbaijan, October 10."), cut to {@value #MAX_DERIVED_TITLE} chars.
 *
 * <p>Fails with {@link InvalidArticleException} on an article that has nothing left to process.
 */
public final class Cleaning {
    public static final String STAGE = "clean";
    static final int MAX_DERIVED_TITLE = 160;
    /** A wire dateline opening the text: "BAKU, Azerbaijan, October 10." or "LONDON (Reuters) -". */
    private static final Pattern DATELINE = Pattern.compile(
        "\\p{Lu}[\\p{Lu} .'-]{2,}(\\s*\\([^)]{1,40}\\))?(,[^.\\n]{1,60}?\\d{1,4})?\\s*[.:—–-]\\s+");
    private final TextCleaner cleaner;
    private final String pipelineVersion;

    public Cleaning(TextCleaner cleaner, String pipelineVersion) {
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.pipelineVersion = Objects.requireNonNull(pipelineVersion, "pipelineVersion");
    }

    public EnrichedArticle apply(RawArticle raw, Instant now) {
        if (raw == null) {
            throw new InvalidArticleException("the record has no value (a tombstone); raw articles are never deleted this way");
        }
        if (raw.getId() == null || raw.getId().isBlank()) {
            throw new InvalidArticleException("article has an empty id (origin " + raw.getOrigin() + ")");
        }
        TextCleaner.Cleaned body = cleaner.clean(raw.getBody());
        if (body.text().isBlank()) {
            throw new InvalidArticleException("article " + raw.getId() + " from " + raw.getOrigin()
                + " has no text left after cleaning (raw body: " + raw.getBody().length() + " chars, "
                + body.removedLines() + " lines of page furniture)");
        }
        String title = raw.getTitle() == null ? null : cleaner.clean(raw.getTitle()).text().replace('\n', ' ');
        if (title == null || title.isBlank()) {
            title = deriveTitle(body.text());
        }
        List<String> stages = new ArrayList<>();
        stages.add(STAGE);
        return EnrichedArticle.newBuilder()
            .setId(raw.getId())
            .setSource(raw.getSource())
            .setOrigin(raw.getOrigin())
            .setUrl(raw.getUrl())
            .setCanonicalUrl(null)
            .setTitle(title)
            .setBody(body.text())
            .setPublishedAt(raw.getPublishedAt())
            .setFetchedAt(raw.getFetchedAt())
            .setLanguage("und")
            .setLanguageConfidence(0.0)
            .setEntities(new ArrayList<>())
            .setDedup(DedupVerdict.newBuilder().setStatus(DedupStatus.NOT_CHECKED).setFingerprint(null).build())
            .setProcessing(ProcessingInfo.newBuilder()
                .setPipelineVersion(pipelineVersion)
                .setProcessedAt(now)
                .setStages(stages)
                .setRemovedLines(body.removedLines())
                .setRawChars(raw.getBody().length())
                .build())
            .build();
    }

    static String deriveTitle(String cleanedBody) {
        int newline = cleanedBody.indexOf('\n');
        String first = newline < 0 ? cleanedBody : cleanedBody.substring(0, newline);
        Matcher dateline = DATELINE.matcher(first);
        if (dateline.lookingAt() && dateline.end() < first.length()) {
            first = first.substring(dateline.end()).strip();
        }
        if (first.length() <= MAX_DERIVED_TITLE && !first.endsWith(".")) {
            return first;
        }
        int end = sentenceEnd(first);
        String sentence = end > 0 ? first.substring(0, end) : first;
        if (sentence.length() <= MAX_DERIVED_TITLE) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_DERIVED_TITLE - 1);
        return sentence.substring(0, cut > 40 ? cut : MAX_DERIVED_TITLE - 1) + "…";
    }

    private static int sentenceEnd(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == s.length() || s.charAt(i + 1) == ' ')
                && !Character.isUpperCase(s.charAt(i - 1))) {
                return c == '.' ? i : i + 1;
            }
        }
        return -1;
    }
}
