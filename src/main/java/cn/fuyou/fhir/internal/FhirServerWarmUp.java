package cn.fuyou.fhir.internal;

import jakarta.servlet.ServletException;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Initialises the FHIR servlet (HAPI's {@code RestfulServer}: the scan of the R4 model and the providers' bindings, 1-2 s,
 * more on a busy machine) in the background right after the ready line instead of before it. A request to /fhir that
 * arrives first initialises it itself, or waits for this one (Tomcat initialises a servlet once, under its lock); a failure
 * is logged here as Tomcat would log it. Ctrl-C during this initialisation waits for its end (Tomcat destroys the servlet
 * under the same lock): about a second.
 */
@Component
class FhirServerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(FhirServerWarmUp.class);

    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)
                || !(web.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        Thread t = new Thread(() -> {
            for (Container child : tomcat.getTomcat().getHost().findChildren()) {
                if (child instanceof Context context && context.findChild(FhirServer.SERVLET_NAME) instanceof Wrapper servlet) {
                    try {
                        servlet.load();
                    } catch (ServletException | RuntimeException | LinkageError e) {
                        // stopped (Ctrl-C) while it initialised: nothing to report
                        if (event.getApplicationContext().isActive()) log.error("FHIR server (/fhir) failed to initialise", e);
                    }
                }
            }
        }, "fhir-server-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
