package org.mitra.web.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.mitra.problems.ProblemType;

/**
 * An RFC 9457 problem details body. Extension members ({@code errors}, {@code requestId},
 * {@code currentState}, ...) serialize at the top level next to the standard members.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public record Problem(URI type, String title, int status, String detail, String instance,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    public Problem {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions == null ? Map.of() : extensions));
        if (extensions.keySet().stream().anyMatch(STANDARD_MEMBERS::contains)) {
            throw new IllegalArgumentException("An extension member cannot replace a standard member");
        }
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, Map.of());
    }

    /** A status no Mitra type describes: {@code about:blank}, titled with the status phrase as RFC 9457 asks. */
    public static Problem ofStatus(int status, String reasonPhrase) {
        return new Problem(URI.create("about:blank"), reasonPhrase, status, null, null, Map.of());
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, extensions);
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    public Problem withAll(Map<String, Object> members) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.putAll(members);
        return new Problem(type, title, status, detail, instance, more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }
}
