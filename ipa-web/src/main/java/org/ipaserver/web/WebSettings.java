package org.ipaserver.web;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings of the web tier, read through MicroProfile Config at each use, so that an operator's
 * change (asadmin set-config-property) takes effect without a redeployment (Payara caches config
 * values for up to a minute).
 */
public final class WebSettings {

    /** When true, credentials (HTTP Basic or the sign-in form) sent over plain HTTP are refused. */
    public static final String REQUIRE_HTTPS = "ipa.web.requireHttps";

    /**
     * How long HTTP Basic credentials that the realm accepted are taken without asking it again
     * (default 30 seconds; 0 asks it at every call).
     */
    public static final String CREDENTIALS_CACHE_SECONDS = "ipa.web.credentialsCacheSeconds";

    private WebSettings() {
    }

    /** A value that is not a whole number of seconds from 0 up counts as the default. */
    public static long credentialsCacheSeconds() {
        return ConfigProvider.getConfig().getOptionalValue(CREDENTIALS_CACHE_SECONDS, String.class)
                .map(String::trim)
                .filter(value -> value.matches("\\d{1,6}"))
                .map(Long::parseLong)
                .orElse(30L);
    }

    public static boolean requireHttps() {
        return ConfigProvider.getConfig().getOptionalValue(REQUIRE_HTTPS, String.class)
                .map(value -> value.trim().equalsIgnoreCase("true"))
                .orElse(false);
    }
}
