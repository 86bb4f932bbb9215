package org.crisiscoordination.edge;

import org.crisiscoordination.edge.json.JsonConfiguration;
import org.crisiscoordination.edge.problem.ProblemAdvice;
import org.crisiscoordination.edge.problem.ProblemCaching;
import org.crisiscoordination.edge.security.EdgeSecurity;
import org.crisiscoordination.edge.web.AnswerHeadersFilter;
import org.crisiscoordination.edge.web.BodySizeLimitFilter;
import org.crisiscoordination.edge.web.CorrelationIdFilter;
import org.crisiscoordination.edge.web.ProblemReportValveInstaller;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What both services share at their HTTP edge, imported by each service's application class. An
 * import rather than an auto-configuration: these beans are then the service's own configuration,
 * so Spring Boot's and Axon's defaults (the object mappers above all) back off for them as before.
 * Each service gives its own rights as an {@link org.crisiscoordination.edge.security.AccessTable} bean.
 */
@Configuration(proxyBeanMethods = false)
@Import({JsonConfiguration.class, ProblemAdvice.class, ProblemCaching.class, CorrelationIdFilter.class,
        AnswerHeadersFilter.class, BodySizeLimitFilter.class, ProblemReportValveInstaller.class, EdgeSecurity.class})
public class ServiceEdge {
}
