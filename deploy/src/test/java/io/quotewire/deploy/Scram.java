package io.quotewire.deploy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a password against a PostgreSQL SCRAM-SHA-256 verifier (RFC 5802 / RFC 7677). */
final class Scram {

    private static final Pattern VERIFIER =
            Pattern.compile("SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):(.+)");

    private Scram() {
    }

    static boolean verify(String verifier, String password) {
        Matcher m = VERIFIER.matcher(verifier);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
        }
        int iterations = Integer.parseInt(m.group(1));
        byte[] salt = Base64.getDecoder().decode(m.group(2));
        byte[] storedKey = Base64.getDecoder().decode(m.group(3));
        try {
            byte[] salted = pbkdf2(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
            byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
            byte[] computed = MessageDigest.getInstance("SHA-256").digest(clientKey);
            return MessageDigest.isEqual(computed, storedKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PBKDF2-HMAC-SHA-256 with a 32-byte output: a single block, U1 xor ... xor Ui. */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        byte[] block = new byte[salt.length + 4];
        System.arraycopy(salt, 0, block, 0, salt.length);
        block[salt.length + 3] = 1;
        byte[] u = hmac(password, block);
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = hmac(password, u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
