package io.quotewire.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys a service accepts, parsed from {@code quotewire.auth.api-keys} (environment
 * {@code QUOTEWIRE_AUTH_API_KEYS}): a comma-separated list of {@code name:roles:key} entries,
 * roles joined by {@code +}, for example {@code ingest-service:writer:3f9c…,ops:admin:b81e…}.
 * A key is at least {@value #MIN_KEY_LENGTH} characters of {@code [A-Za-z0-9_-]}; roles are
 * {@code reader}, {@code writer} and {@code admin}. Only SHA-256 digests of the keys are kept, and a
 * presented key is compared against each digest in constant time.
 */
public final class ApiKeys {

    public static final int MIN_KEY_LENGTH = 24;
    public static final Set<String> ROLES = Set.of("reader", "writer", "admin");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{" + MIN_KEY_LENGTH + ",256}");

    /** One configured key: who holds it, its roles, the SHA-256 of the key. */
    public record Entry(String name, Set<String> roles, byte[] digest) { }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses the configured entries; a malformed entry, an unknown role, a short key or a name or key
     * used twice fails the start-up with a message naming the entry (never the key).
     */
    public static ApiKeys parse(List<String> configured) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int position = 0;
        for (String raw : configured) {
            position++;
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("quotewire.auth.api-keys entry " + position
                        + " is not name:roles:key");
            }
            String name = parts[0].trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("quotewire.auth.api-keys entry " + position
                        + ": the name must be 1-64 characters of [A-Za-z0-9._-]");
            }
            Set<String> roles = new LinkedHashSet<>();
            for (String role : parts[1].split("\\+")) {
                String r = role.trim();
                if (!ROLES.contains(r)) {
                    throw new IllegalArgumentException("quotewire.auth.api-keys entry '" + name
                            + "': unknown role '" + r + "' (reader, writer, admin)");
                }
                roles.add(r);
            }
            String key = parts[2].trim();
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("quotewire.auth.api-keys entry '" + name + "': the key must be "
                        + MIN_KEY_LENGTH + "-256 characters of [A-Za-z0-9_-]");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("quotewire.auth.api-keys: the name '" + name + "' is used twice");
            }
            byte[] digest = sha256(key);
            if (entries.stream().anyMatch(e -> MessageDigest.isEqual(e.digest(), digest))) {
                throw new IllegalArgumentException("quotewire.auth.api-keys entry '" + name
                        + "': the same key is configured twice");
            }
            entries.add(new Entry(name, Set.copyOf(roles), digest));
        }
        return new ApiKeys(entries);
    }

    /** The entry whose key this is; every entry is compared, so the time taken does not tell which. */
    public Optional<Entry> find(String presented) {
        byte[] digest = sha256(presented);
        Entry found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
