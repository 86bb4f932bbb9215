package org.crisiscoordination.query.web;

import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Path ids parse into typed ids (a malformed one is a 400); reads of read models may wait for a write. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final ConsistencyGate consistencyGate;

    WebConfiguration(ConsistencyGate consistencyGate) {
        this.consistencyGate = consistencyGate;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, CrisisId.class, CrisisId::of);
        registry.addConverter(String.class, ChannelId.class, ChannelId::of);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(consistencyGate);
    }
}
