package io.quotewire.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Identity of a text for de-duplication: SHA-256 (hex) of the text in Unicode NFC with every run
 * of whitespace collapsed to one space and the ends trimmed, so the same article re-sent with
 * other line breaks, indentation or composed/decomposed accents is recognised.
 */
public final class ContentHash {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ContentHash() {
    }

    public static String of(String text) {
        String canonical = WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
