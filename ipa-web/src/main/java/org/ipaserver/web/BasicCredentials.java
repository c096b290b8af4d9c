package org.ipaserver.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user name and password of an {@code Authorization: Basic} header (RFC 7617). */
public record BasicCredentials(String user, String password) {

    /**
     * @return empty when the header is absent or of another scheme; a header that says Basic but
     * holds no {@code user:password} in Base64 is {@link Malformed}
     */
    public static Optional<BasicCredentials> from(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Malformed();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + user + "]";
    }

    /** A Basic header that cannot be read: answered like wrong credentials. */
    public static final class Malformed extends RuntimeException {
        Malformed() {
            super("the Authorization header says Basic but holds no user:password in Base64", null, false, false);
        }
    }
}
