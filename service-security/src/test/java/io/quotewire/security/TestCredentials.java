package io.quotewire.security;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Credentials for the services' security tests: an RSA key pair made for the test run (its public
 * key written to a PEM file the service verifies tokens against), tokens signed with it or with a
 * stranger's key, and one API key per role. Nothing here is a fixed secret.
 */
public final class TestCredentials {

    public static final String ISSUER = "https://issuer.quotewire.test";
    // The test profile (application class loader) and the test (Quarkus' class loader) each load
    // this class: the values are made once per JVM and shared through system properties.
    public static final String READER_KEY = shared("reader-key", () -> "reader-" + random());
    public static final String WRITER_KEY = shared("writer-key", () -> "writer-" + random());
    public static final String ADMIN_KEY = shared("admin-key", () -> "admin-" + random());

    private static final KeyPair KEYS = sharedKeys("signing");
    private static final KeyPair STRANGER = rsa();
    private static final Path PUBLIC_KEY = Path.of(shared("public-key-file", () -> writePem(KEYS).toString()));

    private TestCredentials() {
    }

    /** The configuration that switches every rule on, as in production: reads need reader, writes writer. */
    public static Map<String, String> productionRules() {
        Map<String, String> config = new HashMap<>();
        config.put("quotewire.auth.read-policy", "reader");
        config.put("quotewire.auth.write-policy", "writer");
        config.put("quotewire.auth.admin-policy", "admin");
        config.put("quotewire.auth.api-keys", "test-reader:reader:" + READER_KEY + ",test-writer:writer:" + WRITER_KEY
                + ",test-admin:admin:" + ADMIN_KEY);
        config.put("mp.jwt.verify.publickey.location", PUBLIC_KEY.toUri().toString());
        config.put("quotewire.auth.jwt-issuer", ISSUER);
        return config;
    }

    /** A valid token for these roles (the groups claim), signed by the configured key, valid 5 minutes. */
    public static String token(String... roles) {
        return Jwt.issuer(ISSUER).subject("test-user").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(5)).sign(KEYS.getPrivate());
    }

    public static String expiredToken(String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(ISSUER).subject("test-user").groups(Set.of(roles))
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign(KEYS.getPrivate());
    }

    public static String tokenFromOtherIssuer(String... roles) {
        return Jwt.issuer("https://someone-else.example").subject("test-user").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(5)).sign(KEYS.getPrivate());
    }

    public static String tokenSignedByStranger(String... roles) {
        return Jwt.issuer(ISSUER).subject("test-user").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(5)).sign(STRANGER.getPrivate());
    }

    private static String shared(String name, java.util.function.Supplier<String> make) {
        synchronized (System.class) {
            String property = "qw-test-credentials." + name;
            String value = System.getProperty(property);
            if (value == null) {
                value = make.get();
                System.setProperty(property, value);
            }
            return value;
        }
    }

    private static KeyPair sharedKeys(String name) {
        Base64.Decoder decode = Base64.getDecoder();
        String encoded = shared(name + "-keys", () -> {
            KeyPair made = rsa();
            return Base64.getEncoder().encodeToString(made.getPublic().getEncoded()) + ","
                    + Base64.getEncoder().encodeToString(made.getPrivate().getEncoded());
        });
        String[] parts = encoded.split(",");
        try {
            java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
            return new KeyPair(
                    rsa.generatePublic(new java.security.spec.X509EncodedKeySpec(decode.decode(parts[0]))),
                    rsa.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(decode.decode(parts[1]))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(KeyPair keys) {
        try {
            Path file = Files.createTempFile("quotewire-jwt-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
