package org.mitra.web.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.mitra.problems.ProblemType;

/**
 * Documents the problem details every operation can answer with, so that the OpenAPI document of
 * each service shows its error responses without each resource repeating them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemDocumentation implements OASFilter {
    static final String SCHEMA = "Problem";
    static final String MEDIA_TYPE = "application/problem+json";
    static final String CONTENT_LANGUAGE = "Content-Language";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() != null ? openAPI.getComponents() : OASFactory.createComponents();
        components.addSchema(SCHEMA, problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() != null ? operation.getResponses() : OASFactory.createAPIResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean conditional = operation.getParameters() != null && operation.getParameters().stream()
                .map(Parameter::getName).anyMatch("If-Match"::equalsIgnoreCase);
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        if (hasInput) {
            add(responses, ProblemType.VALIDATION_FAILED, "The request names every bad field under errors");
        }
        if (secured) {
            add(responses, ProblemType.UNAUTHORIZED, "No valid bearer token");
            add(responses, ProblemType.FORBIDDEN, "The caller's role or organization may not do this");
        }
        if (path.contains("{")) {
            add(responses, ProblemType.NOT_FOUND, "Nothing with this id, or nothing the caller may know of");
        }
        if (writes) {
            add(responses, ProblemType.CONFLICT, "The change conflicts with the current state");
        }
        if (conditional) {
            add(responses, ProblemType.PRECONDITION_FAILED, "If-Match does not match the current ETag: read again");
            add(responses, ProblemType.PRECONDITION_REQUIRED, "If-Match is required for this change");
        }
        add(responses, ProblemType.INTERNAL_ERROR, "Unexpected failure; the detail names only the request id");
        operation.setResponses(responses);
    }

    private static void add(APIResponses responses, ProblemType type, String description) {
        String status = Integer.toString(type.status());
        if (responses.hasAPIResponse(status)) {
            var existing = responses.getAPIResponse(status);
            if (existing.getContent() == null || existing.getContent().getMediaType(MEDIA_TYPE) == null) {
                existing.setContent(problemContent(type));
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(type.title() + ": " + description)
                .addHeader(CONTENT_LANGUAGE, contentLanguage())
                .content(problemContent(type)));
    }

    /** Problems answer in the language Accept-Language asks for, where every text of the problem is translated. */
    private static org.eclipse.microprofile.openapi.models.headers.Header contentLanguage() {
        return OASFactory.createHeader()
                .description("The language of title, detail and errors[].message: id (Bahasa Indonesia) when the "
                        + "request's Accept-Language prefers it and every text of the problem is translated, otherwise "
                        + "en. The answer varies with Accept-Language (Vary).")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of("en", "id")));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent(ProblemType type) {
        Map<String, Object> example = type.status() == 400
                ? Map.of("type", type.uri().toString(), "title", type.title(), "status", type.status(),
                        "detail", "1 field is not valid", "instance", "/api/...", "requestId", "3b1f0e5e-9d0c-4c53-b1c8-0a2f5c7e9e11",
                        "errors", List.of(Map.of("field", "name", "message", "must not be blank")))
                : Map.of("type", type.uri().toString(), "title", type.title(), "status", type.status(),
                        "instance", "/api/...", "requestId", "3b1f0e5e-9d0c-4c53-b1c8-0a2f5c7e9e11");
        return OASFactory.createContent().addMediaType(MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(SCHEMA))
                .example(example));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("Path of the bad field"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; never a stack trace, never personal data. title, detail and "
                        + "errors[].message are in English, or in Bahasa Indonesia when Accept-Language asks for id "
                        + "(Content-Language says which); type and the field names never change with the language")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                        .description("The problem type, /problems/<slug>, stable: switch on it. A reference relative to "
                                + "this API's URL; the gateway describes each type there (GET /problems lists them all)"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("requestId", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation));
    }
}
