package org.mitra.problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyed texts of one module's problems: {@code Owner.properties} (English) and {@code Owner_id.properties}
 * (Bahasa Indonesia), UTF-8, next to the class {@code Owner} that holds this bundle. A message is a pattern whose
 * {@code {0}}, {@code {1}}, ... are replaced by the arguments as they are ({@link String#valueOf}), with no other
 * syntax (an apostrophe is just an apostrophe); an argument that is itself a {@link ProblemText} is rendered in the same
 * language. Arguments are ids, codes, states and limits, never personal data.
 *
 * <pre>{@code
 * static final ProblemMessages MESSAGES = ProblemMessages.of(AwarenessMessages.class);
 * throw new ConflictException(MESSAGES.text("campaign.closed", id, campaign.status));
 * }</pre>
 */
public final class ProblemMessages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([0-9]+)}");

    private final String baseName;
    private final ClassLoader loader;
    private final Map<Locale, Map<String, String>> bundles = new ConcurrentHashMap<>();

    private ProblemMessages(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /** The bundle named after {@code owner}: {@code org/mitra/x/Owner.properties} and its translations. */
    public static ProblemMessages of(Class<?> owner) {
        return new ProblemMessages(owner.getName(), owner.getClassLoader());
    }

    /**
     * A bundle by its base name, e.g. {@code ValidationMessages} (Hibernate Validator's, for a module's own constraint
     * messages), so that a test can check its {@link #incompleteness()} too.
     */
    public static ProblemMessages named(String baseName, ClassLoader loader) {
        return new ProblemMessages(baseName, loader);
    }

    /** A keyed text; the key must exist in English (a missing one is a bug in the caller, found by its first test). */
    public ProblemText text(String key, Object... arguments) {
        if (!patterns(ProblemLanguages.ENGLISH).containsKey(key)) {
            throw new IllegalArgumentException("No message " + key + " in " + baseName + ".properties");
        }
        return new Message(this, key, Arrays.stream(Objects.requireNonNullElse(arguments, new Object[0]))
                .map(argument -> argument == null ? "null" : argument).toList());
    }

    /** The message {@code key} in {@code language} with its arguments filled in, or empty if not translated. */
    public Optional<String> format(String key, Locale language, List<?> arguments) {
        String pattern = patterns(language).get(key);
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            if (index >= arguments.size()) {
                throw new IllegalArgumentException("Message " + key + " needs argument {" + index + "}");
            }
            Object argument = arguments.get(index);
            String value;
            if (argument instanceof ProblemText nested) {
                Optional<String> rendered = nested.in(language);
                if (rendered.isEmpty()) {
                    return Optional.empty();
                }
                value = rendered.get();
            } else {
                value = String.valueOf(argument);
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return Optional.of(text.toString());
    }

    public Set<String> keys(Locale language) {
        return new TreeSet<>(patterns(language).keySet());
    }

    /**
     * What keeps this bundle from being complete, for a module's test to assert empty: a key of one language missing
     * in another, a blank message, or a translation using other placeholders than the English message.
     */
    public List<String> incompleteness() {
        List<String> gaps = new ArrayList<>();
        Map<String, String> english = patterns(ProblemLanguages.ENGLISH);
        if (english.isEmpty()) {
            gaps.add(baseName + ".properties is missing or empty");
        }
        for (Locale language : ProblemLanguages.SUPPORTED) {
            Map<String, String> translated = patterns(language);
            for (String key : new TreeSet<>(english.keySet())) {
                String message = translated.get(key);
                if (message == null || message.isBlank()) {
                    gaps.add(key + " has no " + ProblemLanguages.tag(language) + " message in " + baseName);
                } else if (!placeholders(message).equals(placeholders(english.get(key)))) {
                    gaps.add(key + " in " + ProblemLanguages.tag(language) + " uses " + placeholders(message)
                            + ", English " + placeholders(english.get(key)));
                }
            }
            for (String key : new TreeSet<>(translated.keySet())) {
                if (!english.containsKey(key)) {
                    gaps.add(key + " in " + ProblemLanguages.tag(language) + " has no English message in " + baseName);
                }
            }
        }
        return gaps;
    }

    @Override
    public String toString() {
        return baseName;
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(message);
        while (placeholder.find()) {
            found.add(placeholder.group());
        }
        return found;
    }

    private Map<String, String> patterns(Locale language) {
        Locale key = ProblemLanguages.isEnglish(language) ? ProblemLanguages.ENGLISH : language;
        return bundles.computeIfAbsent(key, this::load);
    }

    private Map<String, String> load(Locale language) {
        String suffix = ProblemLanguages.isEnglish(language) ? "" : "_" + language.getLanguage();
        String resource = baseName.replace('.', '/') + suffix + ".properties";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> patterns = new ConcurrentHashMap<>();
            properties.stringPropertyNames().forEach(name -> patterns.put(name, properties.getProperty(name)));
            return Map.copyOf(patterns);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** A keyed message with its arguments. */
    private record Message(ProblemMessages bundle, String key, List<Object> arguments) implements ProblemText {
        @Override
        public Optional<String> in(Locale language) {
            return bundle.format(key, language, arguments);
        }

        @Override
        public String toString() {
            return english();
        }
    }
}
