package io.wirestream.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the character encoding of an XML document the way HTTP and XML specify it together (RFC 7303):
 * the charset of the HTTP Content-Type first, then a byte order mark, then the encoding of the XML
 * declaration, else UTF-8.
 */
public final class XmlCharsets {
    private static final Pattern DECLARATION = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /** The chosen charset and where the choice came from (for error messages). */
    public record Choice(Charset charset, String reason) {
    }

    private XmlCharsets() {
    }

    public static Choice detect(byte[] xml, Optional<String> httpCharset) throws UnsupportedEncodingNameException {
        if (httpCharset.isPresent()) {
            return new Choice(forName(httpCharset.get(), "the HTTP Content-Type"), "declared in the HTTP Content-Type");
        }
        if (startsWith(xml, 0xEF, 0xBB, 0xBF)) {
            return new Choice(StandardCharsets.UTF_8, "byte order mark");
        }
        if (startsWith(xml, 0xFE, 0xFF)) {
            return new Choice(StandardCharsets.UTF_16BE, "byte order mark");
        }
        if (startsWith(xml, 0xFF, 0xFE)) {
            return new Choice(StandardCharsets.UTF_16LE, "byte order mark");
        }
        // The declaration is ASCII in every encoding a feed can use without a BOM.
        String head = new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARATION.matcher(head.stripLeading());
        if (m.find()) {
            return new Choice(forName(m.group(1), "the XML declaration"), "declared in the XML declaration");
        }
        return new Choice(StandardCharsets.UTF_8, "the XML default");
    }

    private static Charset forName(String name, String where) throws UnsupportedEncodingNameException {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingNameException("unknown character encoding '" + name + "' in " + where);
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The declared encoding is not one this JVM knows. */
    public static final class UnsupportedEncodingNameException extends Exception {
        public UnsupportedEncodingNameException(String message) {
            super(message);
        }
    }
}
