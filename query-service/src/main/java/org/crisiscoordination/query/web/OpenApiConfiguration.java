package org.crisiscoordination.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.crisiscoordination.edge.security.AccessTable;
import org.crisiscoordination.query.access.ReadRights;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import java.util.List;

/**
 * The read API's OpenAPI document: the consistency token and the problem answers of every read.
 * What a controller answers itself (202, ETag) its annotations say; what the edge answers for all
 * of them is added here. {@code OpenApiConformanceIT} holds the server to the result.
 */
@Configuration
class OpenApiConfiguration {

    static final String PROBLEM = "ProblemDetail";

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI().info(new Info().title("Crisis coordination: read API").version("1")
                        .description("Read models built from the auditable record of crisis coordination."))
                .components(new Components().addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A signed JWT: sub, iss and roles")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * RFC 9457 problem details, written out: springdoc's reading of Spring's {@code ProblemDetail}
     * gives its extension map a schema it cannot copy ("additionalProperties must be either a
     * Boolean or a Schema instance"). Extensions (errors, rule, correlationId) are further members.
     */
    static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .additionalProperties(true);
    }

    @Bean
    OperationCustomizer consistencyAndProblems() {
        return (operation, handler) -> {
            operation.getResponses().addApiResponse("400", problem("An invalid id, parameter or consistency token"));
            operation.getResponses().addApiResponse("401", problem("No valid bearer token (WWW-Authenticate says why)"));
            operation.getResponses().addApiResponse("403", problem("The token does not hold this read's right (it is named)"));
            operation.getResponses().addApiResponse("404", problem("Not found"));
            operation.getResponses().addApiResponse("500",
                    problem("The service failed; the answer names only its correlation id"));
            if (handler.hasMethodAnnotation(ReadModel.class)) {
                document(operation);
            }
            return operation;
        };
    }

    /**
     * The reads {@link ReadRights} opens to anyone (the log's keys and checkpoints, what an outside
     * party needs to check the log) ask for no token and are never answered 401 or 403.
     */
    @Bean
    OpenApiCustomizer openReads() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean open = ReadRights.TABLE.rows().stream().anyMatch(row -> row.holder() == AccessTable.Holder.ANYONE
                    && row.path().equals(path) && row.method().name().equals(method.name()));
            if (open) {
                operation.setSecurity(List.of());
                operation.getResponses().remove("401");
                operation.getResponses().remove("403");
            }
        }));
    }

    private static void document(Operation operation) {
        operation.addParametersItem(new HeaderParameter().name(ConsistencyGate.HEADER).required(false)
                .description("a write's consistencyToken: answer only once the read models include that write")
                .schema(new StringSchema()));
        operation.getResponses().addApiResponse("503",
                problem("The read models did not include the write in time; retry after Retry-After seconds")
                        .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().description("seconds")
                                .schema(new IntegerSchema())));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
