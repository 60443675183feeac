package org.mitra.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemMessages;
import org.mitra.problems.ProblemText;
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

    private static final ProblemMessages MESSAGES = WebMessages.MESSAGES;

    @Inject
    ProblemResponses problems;

    @Inject
    ValidatorFactory validators;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response domain(ProblemException exception, UriInfo uri, HttpHeaders headers) {
        return respond(exception.localized(ProblemResponses.language(headers)), uri, headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response constraintViolations(ConstraintViolationException exception, UriInfo uri, HttpHeaders headers) {
        if (exception.getConstraintViolations().stream().anyMatch(FieldPaths::isReturnValue)) {
            return unexpected(exception, uri, headers);
        }
        // Distinct and ordered by their English text, so every language lists the same fields in the same order.
        Map<FieldViolation, FieldMessage> errors = new TreeMap<>(
                Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
        MessageInterpolator interpolator = validators.getMessageInterpolator();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            FieldMessage error = new FieldMessage(FieldPaths.of(violation), new ViolationText(violation, interpolator));
            errors.putIfAbsent(error.in(ProblemLanguages.ENGLISH), error);
        }
        return respond(InvalidRequestException.of(errors.values()).localized(ProblemResponses.language(headers)),
                uri, headers);
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
        Locale wanted = ProblemResponses.language(headers);
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            ProblemText message = wrongValueMessage(mapping);
            ProblemText detail = MESSAGES.text("json.wrong-type");
            Locale language = ProblemLanguages.common(wanted, List.of(ProblemType.MALFORMED_REQUEST.titleText(), detail,
                    message));
            FieldViolation error = new FieldViolation(FieldPaths.of(mapping), message.render(language));
            return respond(LocalizedProblem.of(ProblemType.MALFORMED_REQUEST, detail, language)
                    .with("errors", List.of(error)), uri, headers);
        }
        return respond(LocalizedProblem.of(ProblemType.MALFORMED_REQUEST, MESSAGES.text("json.invalid"), wanted), uri,
                headers);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException exception, UriInfo uri, HttpHeaders headers) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, headers);
        }
        if (exception instanceof NotFoundException && exception.getCause() instanceof IllegalArgumentException) {
            // Quarkus REST reports a query or path parameter it cannot convert (page=two) as a 404.
            return respond(LocalizedProblem.of(ProblemType.BAD_REQUEST, MESSAGES.text("parameter.wrong-type"),
                    ProblemResponses.language(headers)), uri, headers);
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(exception, "Request failed with status %d", status);
        }
        LocalizedProblem problem = ProblemType.forStatus(status)
                .map(type -> LocalizedProblem.of(type, frameworkDetail(status), ProblemResponses.language(headers)))
                .orElseGet(() -> LocalizedProblem.english(
                        Problem.ofStatus(status, original.getStatusInfo().getReasonPhrase())));
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
            return Response.fromResponse(respond(LocalizedProblem.of(ProblemType.SERVICE_UNAVAILABLE,
                    MESSAGES.text("database.unavailable"), ProblemResponses.language(headers)), uri, headers))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (concurrentChange(exception)) {
            LOG.infof("Concurrent change answering %s (%s)", uri.getPath(), exception.getClass().getName());
            return respond(new ConflictException(MESSAGES.text("concurrent-change"))
                    .localized(ProblemResponses.language(headers)), uri, headers);
        }
        LOG.errorf(exception, "Unexpected error answering %s", uri.getPath());
        return respond(LocalizedProblem.of(ProblemType.INTERNAL_ERROR, MESSAGES.text("internal-error"),
                ProblemResponses.language(headers)), uri, headers);
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

    private Response respond(LocalizedProblem problem, UriInfo uri, HttpHeaders headers) {
        return problems.response(problem, uri.getPath(), requestId(headers));
    }

    static String requestId(HttpHeaders headers) {
        return headers.getHeaderString(RequestIds.HEADER);
    }

    private static ProblemText wrongValueMessage(JsonMappingException exception) {
        if (exception instanceof org.mitra.web.json.NulCharacterException) {
            return MESSAGES.text("field.nul");
        }
        if (exception instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return MESSAGES.text("field.one-of", Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList());
        }
        if (exception instanceof InvalidFormatException format && format.getTargetType() == java.util.UUID.class) {
            return MESSAGES.text("field.uuid");
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return MESSAGES.text("field.type", jsonTypeName(mismatch.getTargetType()));
        }
        return MESSAGES.text("field.unreadable");
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

    private static ProblemText frameworkDetail(int status) {
        return switch (status) {
            case 404, 405, 406, 413, 415 -> MESSAGES.text("status." + status);
            default -> null;
        };
    }
}
