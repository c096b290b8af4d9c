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

    private WebSettings() {
    }

    public static boolean requireHttps() {
        return ConfigProvider.getConfig().getOptionalValue(REQUIRE_HTTPS, String.class)
                .map(value -> value.trim().equalsIgnoreCase("true"))
                .orElse(false);
    }
}
