package org.crisiscoordination.query.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/** The read API's OpenAPI document: the consistency token and the problem answers of every read. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI().info(new Info().title("Crisis coordination: read API").version("1")
                        .description("Read models built from the auditable record of crisis coordination."))
                .components(new Components().schemas(ModelConverters.getInstance().read(ProblemDetail.class)));
    }

    @Bean
    OperationCustomizer consistencyAndProblems() {
        return (operation, handler) -> {
            Content problem = new Content().addMediaType("application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
            operation.getResponses().addApiResponse("400",
                    new ApiResponse().description("An invalid id, parameter or consistency token").content(problem));
            operation.getResponses().addApiResponse("404", new ApiResponse().description("Not found").content(problem));
            if (handler.hasMethodAnnotation(ReadModel.class)) {
                document(operation, problem);
            }
            return operation;
        };
    }

    private static void document(Operation operation, Content problem) {
        operation.addParametersItem(new HeaderParameter().name(ConsistencyGate.HEADER).required(false)
                .description("a write's consistencyToken: answer only once the read models include that write")
                .schema(new StringSchema()));
        operation.getResponses().addApiResponse("503", new ApiResponse()
                .description("The read models did not include the write in time; retry after Retry-After seconds")
                .content(problem));
    }
}
