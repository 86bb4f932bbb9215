package org.crisiscoordination.command.web;

import org.crisiscoordination.kernel.channel.ChannelId;
import org.crisiscoordination.kernel.channel.ProposalId;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Path ids parse into typed ids (a malformed one is a 400). */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, CrisisId.class, CrisisId::of);
        registry.addConverter(String.class, ReferralId.class, ReferralId::of);
        registry.addConverter(String.class, ChannelId.class, ChannelId::of);
        registry.addConverter(String.class, ProposalId.class, ProposalId::of);
    }
}
