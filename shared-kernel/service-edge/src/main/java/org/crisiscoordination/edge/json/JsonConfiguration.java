package org.crisiscoordination.edge.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.crisiscoordination.kernel.json.CrisisJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/** HTTP bodies are read strictly; stored messages leniently (see {@link CrisisJson}). */
@Configuration
public class JsonConfiguration {

    @Bean
    @Primary
    ObjectMapper objectMapper() {
        ObjectMapper mapper = CrisisJson.forRequests();
        // what Spring's own mapper builder would add: problem properties at the top level
        mapper.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        return mapper;
    }

    /** The name under which Axon's Jackson serializer looks for its mapper. */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return CrisisJson.forMessages();
    }
}
