package io.switchboard.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.common.ErrorCode;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Requests that Tomcat itself refuses before any application code runs (an encoded slash in the path, a
 * malformed request line or header, headers too large) still answer an RFC 9457 problem with a stable code,
 * instead of Tomcat's HTML error page.
 */
@Configuration
public class ContainerProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerProblemPages() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat instantiates this by name, so it cannot take Spring beans. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            ErrorCode code = status == HttpStatus.PAYLOAD_TOO_LARGE.value() ? ErrorCode.PAYLOAD_TOO_LARGE
                    : status == HttpStatus.NOT_FOUND.value() ? ErrorCode.NOT_FOUND
                    : status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
            ObjectNode problem = JSON.createObjectNode()
                    .put("type", Problems.type(code).toString())
                    .put("title", known == null ? "Error" : known.getReasonPhrase())
                    .put("status", status)
                    .put("detail", "the server could not read this request")
                    .put("code", code.name());
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getOutputStream().write(JSON.writeValueAsBytes(problem));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed: nothing more to tell it
            }
        }
    }
}
