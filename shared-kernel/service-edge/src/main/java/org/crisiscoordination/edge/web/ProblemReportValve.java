package org.crisiscoordination.edge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.crisiscoordination.edge.problem.ProblemType;
import org.crisiscoordination.kernel.audit.CorrelationIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers in problem+json the errors Tomcat gives before any servlet sees the request (a header
 * larger than Tomcat reads, a control character in a header value, a malformed request line),
 * where its own valve would write an HTML page. Such a request never passed the correlation-id
 * filter, so its answer carries a new correlation id.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = headersTooLarge(throwable) ? ProblemType.REQUEST_HEADERS_TOO_LARGE : ProblemType.forStatus(status);
        String correlationId = CorrelationIds.acceptOrGenerate(null);
        ObjectNode problem = JSON.createObjectNode()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", type == ProblemType.REQUEST_HEADERS_TOO_LARGE
                        ? "the request's headers are larger than the server reads"
                        : "the request is not well-formed HTTP (a header value with a control character, for one)");
        String path = request.getDecodedRequestURI();
        if (path != null && !path.isEmpty()) {
            problem.put("instance", path);
        }
        problem.put("correlationId", correlationId);
        try {
            response.setStatus(type.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CACHE_CONTROL, AnswerHeadersFilter.NO_STORE);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started; nothing more can be said
        }
    }

    /** Tomcat refuses an oversized header block with 400 and this message; it is a 431 (RFC 6585). */
    private static boolean headersTooLarge(Throwable throwable) {
        return throwable instanceof IllegalArgumentException
                && throwable.getMessage() != null && throwable.getMessage().contains("header is too large");
    }
}
