package org.crisiscoordination.command.access;

import org.crisiscoordination.edge.security.AccessTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives the shared security chain the command service's rights ({@link WriteRights#TABLE}). */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    AccessTable accessTable() {
        return WriteRights.TABLE;
    }
}
