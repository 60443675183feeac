package org.mitra.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which requests need no token, from entries like {@code GET /api/directory/**} or
 * {@code POST /api/awareness/campaigns/*}{@code /pledges}: {@code *} as method means any method, {@code *} in the
 * path one segment, a trailing {@code /**} any rest (including none). {@code GET} also opens {@code HEAD}.
 */
public final class PublicRoutes {
    private final List<Rule> rules;

    public PublicRoutes(List<String> entries) {
        this.rules = entries.stream().map(Rule::parse).toList();
    }

    public boolean isPublic(String method, String path) {
        String normalized = normalize(path);
        return normalized != null && rules.stream().anyMatch(rule -> rule.matches(method, normalized));
    }

    /** Paths with dot segments or encoded slashes are never public: no rule can be tricked by {@code ..}. */
    private static String normalize(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("\\")) {
            return null;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        return path;
    }

    private record Rule(String method, Pattern path) {
        static Rule parse(String entry) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("Public route must read 'METHOD /path', got: " + entry);
            }
            return new Rule(parts[0].toUpperCase(Locale.ROOT), toRegex(parts[1]));
        }

        private static Pattern toRegex(String pattern) {
            StringBuilder regex = new StringBuilder();
            String rest = pattern;
            boolean anyRest = rest.endsWith("/**");
            if (anyRest) {
                rest = rest.substring(0, rest.length() - 3);
            }
            for (String segment : rest.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                regex.append('/').append(segment.equals("*") ? "[^/]+" : Pattern.quote(segment));
            }
            regex.append(anyRest ? "(/.*)?" : "/?");
            return Pattern.compile(regex.toString());
        }

        boolean matches(String requestMethod, String requestPath) {
            boolean methodMatches = method.equals("*") || method.equals(requestMethod)
                    || (method.equals("GET") && requestMethod.equals("HEAD"));
            return methodMatches && path.matcher(requestPath).matches();
        }
    }
}
