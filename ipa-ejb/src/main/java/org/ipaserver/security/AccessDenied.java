package org.ipaserver.security;

/** The caller is authenticated but lacks the right for this use case (HTTP 403); nothing was changed. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
