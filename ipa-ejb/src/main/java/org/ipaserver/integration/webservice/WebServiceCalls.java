package org.ipaserver.integration.webservice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ipaserver.action.CallResult;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.job.ExternalCall;

/**
 * CallWebService calls. The CA bundle is read when the application starts: a bad bundle is
 * logged then, naming the file and the problem, and every call takes the failure exit with that
 * message until it is fixed and the application restarted.
 */
@ApplicationScoped
public class WebServiceCalls implements ExternalCall {

    private static final Logger LOG = Logger.getLogger(WebServiceCalls.class.getName());

    private volatile WebServiceClient client;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        client();
    }

    @Override
    public String actionType() {
        return "CallWebService";
    }

    @Override
    public CallResult call(CallRequest request) {
        return client().call(request);
    }

    private WebServiceClient client() {
        if (client == null) {
            var config = ConfigProvider.getConfig();
            var created = new WebServiceClient(WebServiceSettings.from(key -> config.getOptionalValue(key, String.class)));
            created.trustProblem().ifPresent(problem -> LOG.log(Level.SEVERE, problem));
            created.trustWhenPublishing();
            client = created;
        }
        return client;
    }
}
