package io.quotewire.cleaner;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the bytes of an HTML page to text with the charset the transport or the page declares. */
public final class Charsets {

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

    private Charsets() {
    }

    /**
     * The page's text. Order of precedence: a byte-order mark, the charset of the Content-Type
     * header, a {@code <meta charset>} or {@code http-equiv} declaration in the first 4 KiB, strict
     * UTF-8, windows-1252. Never throws; malformed bytes become U+FFFD.
     */
    public static String decode(byte[] body, String contentTypeCharset) {
        if (body == null || body.length == 0) {
            return "";
        }
        Charset bom = bomCharset(body);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new String(body, skip, body.length - skip, bom);
        }
        Charset declared = lookup(contentTypeCharset);
        if (declared == null) {
            String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                declared = lookup(m.group(1));
            }
        }
        if (declared != null) {
            return new String(body, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The charset of a name, or null when the name is blank, unknown or unsupported. */
    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().replaceAll("^[\"']|[\"']$", "").toLowerCase(Locale.ROOT);
        // WHATWG: pages that say latin1 / ascii mean windows-1252
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            n = "windows-1252";
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}
