package org.mitra.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mitra.problems.ProblemType;
import org.mitra.web.Causes;
import org.mitra.web.DatabaseOutage;
import org.mitra.web.request.RequestIds;

/**
 * The one place where exceptions become problem bodies. Client mistakes get a 4xx naming what is
 * wrong; anything unexpected gets a 500 whose body says nothing but the request id, and is logged.
 */
public class ProblemMappers {
    /** Ahead of the mappers Quarkus ships for the same exception types. */
    static final int PRIORITY = Priorities.USER - 100;
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Set<String> HEADERS_NOT_KEPT = Set.of("content-type", "content-length");

    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response domain(ProblemException exception, UriInfo uri, HttpHeaders headers) {
        return respond(exception.toProblem(), uri, headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response constraintViolations(ConstraintViolationException exception, UriInfo uri, HttpHeaders headers) {
        if (exception.getConstraintViolations().stream().anyMatch(FieldPaths::isReturnValue)) {
            return unexpected(exception, uri, headers);
        }
        List<FieldViolation> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldViolation(FieldPaths.of(violation), violation.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
        return respond(new InvalidRequestException(errors).toProblem(), uri, headers);
    }

    /** A constraint declared wrongly is a bug in our code, not the client's. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response validationSetup(ValidationException exception, UriInfo uri, HttpHeaders headers) {
        return unexpected(exception, uri, headers);
    }

    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonMappingException.class, JsonParseException.class,
            MismatchedInputException.class, InvalidFormatException.class}, priority = PRIORITY)
    public Response unreadableJson(JsonProcessingException exception, UriInfo uri, HttpHeaders headers) {
        if (exception instanceof InvalidDefinitionException) {
            return unexpected(exception, uri, headers);
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            FieldViolation error = new FieldViolation(FieldPaths.of(mapping), wrongValueMessage(mapping));
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "A field of the request body has the wrong type")
                    .with("errors", List.of(error)), uri, headers);
        }
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON"), uri, headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException exception, UriInfo uri, HttpHeaders headers) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, headers);
        }
        if (exception instanceof NotFoundException && exception.getCause() instanceof IllegalArgumentException) {
            // Quarkus REST reports a query or path parameter it cannot convert (page=two) as a 404.
            return respond(Problem.of(ProblemType.BAD_REQUEST,
                    "A query or path parameter has a value of the wrong type"), uri, headers);
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(exception, "Request failed with status %d", status);
        }
        Problem problem = ProblemType.forStatus(status)
                .map(type -> Problem.of(type, frameworkDetail(status)))
                .orElseGet(() -> Problem.ofStatus(status, original.getStatusInfo().getReasonPhrase()));
        Response.ResponseBuilder response = problems.builder(problem, uri.getPath(), requestId(headers));
        // Keep what the client needs to recover, e.g. Allow on a 405 or Retry-After on a 503.
        original.getHeaders().forEach((name, values) -> {
            if (!HEADERS_NOT_KEPT.contains(name.toLowerCase())) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(Throwable exception, UriInfo uri, HttpHeaders headers) {
        if (DatabaseOutage.isCause(exception)) {
            LOG.warnf("Database unreachable while answering %s (%s)", uri.getPath(), exception.getClass().getName());
            return Response.fromResponse(respond(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database just now. Try again shortly."), uri, headers))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (concurrentChange(exception)) {
            LOG.infof("Concurrent change answering %s (%s)", uri.getPath(), exception.getClass().getName());
            return respond(new ConflictException("The resource was changed at the same time by another request; "
                    + "read it again and retry").toProblem(), uri, headers);
        }
        LOG.errorf(exception, "Unexpected error answering %s", uri.getPath());
        return respond(Problem.of(ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side. Quote the requestId when reporting it."), uri, headers);
    }

    /**
     * Two requests changed the same rows and one lost at commit: an optimistic-lock failure (whatever wraps it), a
     * serialization failure or a deadlock. The loser's client gets a 409 to read again, never a 500.
     */
    static boolean concurrentChange(Throwable failure) {
        return Causes.anyMatch(failure, cause -> {
            String name = cause.getClass().getName();
            return name.endsWith("OptimisticLockException") || name.endsWith("StaleObjectStateException")
                    || name.endsWith("StaleStateException")
                    || cause instanceof java.sql.SQLException sql
                            && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
        });
    }

    private Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        return problems.response(problem, uri.getPath(), requestId(headers));
    }

    static String requestId(HttpHeaders headers) {
        return headers.getHeaderString(RequestIds.HEADER);
    }

    private static String wrongValueMessage(JsonMappingException exception) {
        if (exception instanceof org.mitra.web.json.NulCharacterException) {
            return "must not contain the NUL character";
        }
        if (exception instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList();
        }
        if (exception instanceof InvalidFormatException format && format.getTargetType() == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be a value of type " + jsonTypeName(mismatch.getTargetType());
        }
        return "has a value that cannot be read";
    }

    private static String jsonTypeName(Class<?> type) {
        if (type == String.class || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type)
                || type == java.util.UUID.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }

    private static String frameworkDetail(int status) {
        return switch (status) {
            case 404 -> "Nothing exists at this path";
            case 405 -> "This method is not supported here; the Allow header lists those that are";
            case 406 -> "No representation of this resource matches the Accept header";
            case 413 -> "The request body is larger than this service accepts";
            case 415 -> "The Content-Type of the request body is not supported here";
            default -> null;
        };
    }
}
