package org.crisiscoordination.command.write;

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
import org.crisiscoordination.command.web.Headers;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The write API's OpenAPI document: every write's headers and problem answers, which the
 * controllers leave to {@link WriteContext} and the problem advice. What a write answers, and
 * whether it honours {@code If-Match}, comes from its {@link WriteKind}, as the server's behaviour does.
 */
@Configuration
class OpenApiConfiguration {

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Malformed JSON, or invalid values or headers (every bad field is named)",
            "401", "No valid bearer token (WWW-Authenticate says why)",
            "403", "The token does not hold this write's right, or holds it for another party (the right is named)",
            "404", "No crisis, channel, referral or proposal has the id",
            "409", "A domain rule refuses the command (the rule is named), or concurrent writes kept winning",
            "412", "If-Match names a version the aggregate no longer has",
            "413", "The body is larger than 64 KiB",
            "415", "The body is not application/json",
            "422", "The Idempotency-Key was used before with another body");

    static {
        // the WriteContext comes from headers, documented one by one below
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteContext.class)
                // every kind of write answers the same body
                .replaceWithClass(WriteResponse.AggregateCreated.class, WriteAnswer.class)
                .replaceWithClass(WriteResponse.PartCreated.class, WriteAnswer.class)
                .replaceWithClass(WriteResponse.Changed.class, WriteAnswer.class);
    }

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI().info(new Info().title("Crisis coordination: write API").version("1")
                        .description("Commands that become events in the auditable record of crisis coordination."))
                .components(new Components().addSchemas("ProblemDetail", problemSchema())
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A signed JWT: sub, iss, roles and, for a delegate or liaison, represents")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * RFC 9457 problem details, written out: springdoc's reading of Spring's {@code ProblemDetail}
     * gives its extension map a schema it cannot copy ("additionalProperties must be either a
     * Boolean or a Schema instance"). Extensions (errors, rule, correlationId) are further members.
     */
    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .additionalProperties(true);
    }

    @Bean
    OperationCustomizer writeHeadersAndProblems() {
        return (operation, handler) -> {
            WriteKind.answeredBy(handler.getMethod().getReturnType()).ifPresent(kind -> document(operation, kind));
            return operation;
        };
    }

    private static void document(Operation operation, WriteKind<?> kind) {
        operation.addParametersItem(header(Headers.CORRELATION_ID, false,
                "the conversation this write belongs to; generated when absent, echoed, stored on its events"));
        operation.addParametersItem(header(Headers.IDEMPOTENCY_KEY, false,
                "a retry with the same key and body answers the first answer again, kept 24 h"));
        if (kind.honoursIfMatch()) {
            operation.addParametersItem(header(Headers.IF_MATCH, false,
                    "\"<version>\": write only if the aggregate is still at that version (the ETag of a read)"));
        }
        ApiResponse success = operation.getResponses().remove("200");
        if (kind.creates()) {
            success.setDescription("Created; Location is its read model in the query service");
            success.addHeaderObject("Location", new Header().schema(new StringSchema().format("uri")));
        }
        operation.getResponses().addApiResponse(String.valueOf(kind.status().value()), success);
        Content problem = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
        PROBLEMS.forEach((status, description) -> operation.getResponses()
                .addApiResponse(status, new ApiResponse().description(description).content(problem)));
    }

    private static HeaderParameter header(String name, boolean required, String description) {
        return (HeaderParameter) new HeaderParameter().name(name).required(required).description(description)
                .schema(new StringSchema());
    }
}
