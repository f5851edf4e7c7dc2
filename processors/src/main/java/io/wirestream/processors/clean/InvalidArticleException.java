package io.wirestream.processors.clean;

/** An article whose content makes it impossible to process; it belongs in the dead-letter topic. */
public class InvalidArticleException extends RuntimeException {
    public InvalidArticleException(String message) {
        super(message);
    }
}
