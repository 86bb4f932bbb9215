package org.crisiscoordination.command.web;

import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Path ids parse into typed ids (a malformed one is a 400), and writes read their headers. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, CrisisId.class, CrisisId::of);
        registry.addConverter(String.class, ReferralId.class, ReferralId::of);
        registry.addConverter(String.class, ChannelId.class, ChannelId::of);
        registry.addConverter(String.class, ProposalId.class, ProposalId::of);
    }

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
