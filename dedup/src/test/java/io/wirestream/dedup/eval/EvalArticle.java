package io.wirestream.dedup.eval;

import java.util.List;

/** One article of the labelled set, or a programmatic variant of one. */
record EvalArticle(String name, String language, String title, List<String> paragraphs, String url) {

    EvalArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    String body() {
        return String.join("\n\n", paragraphs);
    }

    EvalArticle with(String newTitle, List<String> newParagraphs, String newUrl) {
        return new EvalArticle(name, language, newTitle, newParagraphs, newUrl);
    }
}
