package org.mitra.events.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.mitra.events.EventData;

/**
 * What the code of this jar can publish, found without a list: every record implementing {@link EventData} among the
 * compiled classes, and an instance of it for each value of each of its enum components (every status, every slice),
 * so that {@code eventType()} gives every type a payload can have. Other components get plausible values: a fresh
 * UUID, the current time, a short word, a one-element list, a nested record made the same way.
 */
final class CodeEvents {
    private CodeEvents() {
    }

    /** Every {@link EventData} record class of this jar. */
    static List<Class<?>> payloadRecords() {
        try {
            Path classes = Path.of(EventData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Class<?>> found = new ArrayList<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                            .replaceFirst("\\.class$", "");
                    Class<?> type = Class.forName(name, false, CodeEvents.class.getClassLoader());
                    if (type.isRecord() && EventData.class.isAssignableFrom(type)) {
                        found.add(type);
                    }
                }
            }
            found.sort(Comparator.comparing(Class::getName));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Instances of every payload record: one per value of each enum component, the others as {@link #value}. */
    static List<EventData> samples() {
        List<EventData> samples = new ArrayList<>();
        for (Class<?> type : payloadRecords()) {
            RecordComponent[] components = type.getRecordComponents();
            boolean anyEnum = false;
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isEnum()) {
                    anyEnum = true;
                    for (Object constant : components[i].getType().getEnumConstants()) {
                        samples.add((EventData) make(type, i, constant));
                    }
                }
            }
            if (!anyEnum) {
                samples.add((EventData) make(type, -1, null));
            }
        }
        return samples;
    }

    /** A record with component {@code fixed} set to {@code fixedValue} and the others made up. */
    static Object make(Class<?> type, int fixed, Object fixedValue) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = i == fixed ? fixedValue : value(components[i].getType(), components[i].getGenericType());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getName(), e);
        }
    }

    private static Object value(Class<?> type, Type generic) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == Instant.class) {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        if (type == String.class) {
            return "sample";
        }
        if (type == int.class || type == Integer.class) {
            return 7;
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value((Class<?>) element, element));
        }
        if (type.isRecord()) {
            return make(type, -1, null);
        }
        throw new IllegalStateException("No sample value for a " + type.getName() + ": teach CodeEvents this type, and "
                + "AsyncApiContractTest how it appears in a schema");
    }
}
