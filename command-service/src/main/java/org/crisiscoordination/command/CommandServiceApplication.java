package org.crisiscoordination.command;

import org.crisiscoordination.edge.ServiceEdge;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The write side: aggregates, the HTTP write API and the PostgreSQL event store. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ServiceEdge.class)
public class CommandServiceApplication {

    public static void main(String[] args) {
        // no advertising banner in our logs
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
