package org.mitra.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings matching a simple regular expression, as OpenAPI {@code pattern}s are written here: literals, escapes
 * ({@code \d \w \s} and escaped characters), classes {@code [a-z0-9-]}, groups with alternatives and the quantifiers
 * {@code ? * + {n} {m,n}}. Anything else (anchors are dropped, look-arounds are not supported) gives empty.
 */
final class Patterns {
    private static final int UNBOUNDED = 4;

    private final String pattern;
    private final Random random;
    private int at;

    private Patterns(String pattern, Random random) {
        this.pattern = pattern;
        this.random = random;
    }

    static java.util.Optional<String> generate(String pattern, Random random) {
        String body = pattern;
        if (body.startsWith("^")) {
            body = body.substring(1);
        }
        if (body.endsWith("$") && !body.endsWith("\\$")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.contains("(?")) {
            return java.util.Optional.empty();
        }
        try {
            Patterns generator = new Patterns(body, random);
            String value = generator.alternatives();
            return generator.at == body.length() ? java.util.Optional.of(value) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private String alternatives() {
        List<String> options = new ArrayList<>();
        options.add(sequence());
        while (at < pattern.length() && pattern.charAt(at) == '|') {
            at++;
            options.add(sequence());
        }
        return options.get(random.nextInt(options.size()));
    }

    private String sequence() {
        StringBuilder out = new StringBuilder();
        while (at < pattern.length() && pattern.charAt(at) != '|' && pattern.charAt(at) != ')') {
            int start = at;
            atom();
            int end = at;
            int[] range = quantifier(end);
            int times = range[0] + random.nextInt(range[1] - range[0] + 1);
            for (int i = 0; i < times; i++) {
                at = start;
                out.append(atom());
            }
            at = range[2];
        }
        return out.toString();
    }

    /** {min, max, position after the quantifier} of the quantifier at {@code position}. */
    private int[] quantifier(int position) {
        if (position >= pattern.length()) {
            return new int[] {1, 1, position};
        }
        char c = pattern.charAt(position);
        switch (c) {
            case '?':
                return new int[] {0, 1, position + 1};
            case '*':
                return new int[] {0, UNBOUNDED, position + 1};
            case '+':
                return new int[] {1, UNBOUNDED, position + 1};
            case '{': {
                int close = pattern.indexOf('}', position);
                String[] bounds = pattern.substring(position + 1, close).split(",", -1);
                int min = Integer.parseInt(bounds[0].trim());
                int max = bounds.length == 1 ? min : bounds[1].isBlank() ? min + UNBOUNDED : Integer.parseInt(bounds[1].trim());
                return new int[] {min, Math.min(max, min + 16), close + 1};
            }
            default:
                return new int[] {1, 1, position};
        }
    }

    /** One atom's value; leaves {@code at} after the atom. */
    private String atom() {
        char c = pattern.charAt(at);
        switch (c) {
            case '(': {
                at++;
                String value = alternatives();
                if (pattern.charAt(at) != ')') {
                    throw new IllegalArgumentException("unclosed group");
                }
                at++;
                return value;
            }
            case '[':
                return characterClass();
            case '\\':
                at += 2;
                return escape(pattern.charAt(at - 1));
            case '.':
                at++;
                return String.valueOf((char) ('a' + random.nextInt(26)));
            default:
                at++;
                return String.valueOf(c);
        }
    }

    private String escape(char c) {
        return switch (c) {
            case 'd' -> String.valueOf((char) ('0' + random.nextInt(10)));
            case 'w' -> String.valueOf((char) ('a' + random.nextInt(26)));
            case 's' -> " ";
            default -> String.valueOf(c);
        };
    }

    private String characterClass() {
        int close = pattern.indexOf(']', at + 2);
        String members = pattern.substring(at + 1, close);
        at = close + 1;
        if (members.startsWith("^")) {
            return "a";
        }
        List<Character> choices = new ArrayList<>();
        for (int i = 0; i < members.length(); i++) {
            char c = members.charAt(i);
            if (c == '\\' && i + 1 < members.length()) {
                String escaped = escape(members.charAt(++i));
                choices.add(escaped.charAt(0));
            } else if (i + 2 < members.length() && members.charAt(i + 1) == '-') {
                char end = members.charAt(i + 2);
                for (char each = c; each <= end; each++) {
                    choices.add(each);
                }
                i += 2;
            } else {
                choices.add(c);
            }
        }
        return String.valueOf(choices.get(random.nextInt(choices.size())));
    }
}
