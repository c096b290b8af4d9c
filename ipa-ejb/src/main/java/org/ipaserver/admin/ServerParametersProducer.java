package org.ipaserver.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the server parameters once from MicroProfile Config (system properties, env, server config). */
@ApplicationScoped
public class ServerParametersProducer {

    private ServerParameters parameters;

    @Produces
    public ServerParameters parameters() {
        if (parameters == null) {
            var config = ConfigProvider.getConfig();
            parameters = ServerParameters.from(name -> config.getOptionalValue(name, String.class));
        }
        return parameters;
    }
}
