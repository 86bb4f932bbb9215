package org.crisiscoordination.command.write;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Writes read their headers into a {@link WriteContext}, and aggregates find the version If-Match expects. */
@Configuration
class WriteConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new WriteContextResolver());
    }

    /** Every aggregate finds its target this way; see {@link ExpectedVersionTargetResolver}. */
    @Bean
    ExpectedVersionTargetResolver expectedVersionTargetResolver() {
        return new ExpectedVersionTargetResolver();
    }
}
