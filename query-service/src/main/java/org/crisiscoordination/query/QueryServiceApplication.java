package org.crisiscoordination.query;

import org.crisiscoordination.edge.ServiceEdge;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The read side: projections tailing the event store, and the HTTP read API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ServiceEdge.class)
public class QueryServiceApplication {

    public static void main(String[] args) {
        // no advertising banner in our logs
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
