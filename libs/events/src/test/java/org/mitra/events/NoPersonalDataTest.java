package org.mitra.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mitra.events.directory.OrganizationChanged;

/**
 * Guard for "no personal data in any event": no field of any record in this library may be
 * named like a person's name, birth, contact, address or document. New payloads are found by
 * scanning the package, so they are checked without being listed here.
 */
class NoPersonalDataTest {
    private static final Pattern PERSONAL = Pattern.compile(
            ".*(firstname|lastname|surname|givenname|familyname|fullname|middlename|nickname|personname|"
                    + "birth|dob|phone|mobile|email|mail|address|street|passport|document|identity|nationalid|"
                    + "note|comment|photo|contact|pledger|survivor|victim).*");
    /** Records whose plain {@code name} is an organization's or a service's, never a person's. */
    private static final Set<Class<?>> MAY_HAVE_A_NAME = Set.of(OrganizationChanged.class, OrganizationChanged.Service.class);

    @Test
    void findsThePayloadRecords() {
        assertThat(payloadRecords()).extracting(Class::getSimpleName)
                .contains("OrganizationChanged", "Service", "Capacity", "OrganizationDeleted",
                        "ReferralStatusChanged", "ReferralOverdue", "CampaignChanged");
    }

    @Test
    void referralEventsCarryOnlyWhatTheirConsumerReads() {
        // The directory's demand figures are the only consumer of the referral lifecycle; see the records' comments.
        assertThat(java.util.Arrays.stream(org.mitra.events.referral.ReferralStatusChanged.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName))
                .containsExactly("referralId", "categoryCode", "regionCode", "status", "reasonCode", "occurredAt");
        assertThat(java.util.Arrays.stream(org.mitra.events.referral.ReferralOverdue.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName))
                .containsExactly("referralId", "categoryCode", "regionCode", "requestedAt", "occurredAt");
    }

    @Test
    void noPayloadFieldIsNamedLikePersonalData() {
        List<String> suspicious = new ArrayList<>();
        for (Class<?> record : payloadRecords()) {
            for (RecordComponent component : record.getRecordComponents()) {
                String name = component.getName().toLowerCase(Locale.ROOT);
                boolean personName = name.equals("name") && !MAY_HAVE_A_NAME.contains(record);
                if (personName || PERSONAL.matcher(name).matches()) {
                    suspicious.add(record.getName() + "." + component.getName());
                }
            }
        }
        assertThat(suspicious).as("fields that look like personal data").isEmpty();
    }

    @Test
    void guardCatchesTheNamesItIsMeantToCatch() {
        for (String name : List.of("survivorName", "dateOfBirth", "phoneNumber", "email", "homeAddress",
                "passportNumber", "documentId", "caseNote")) {
            assertThat(PERSONAL.matcher(name.toLowerCase(Locale.ROOT)).matches()).as(name).isTrue();
        }
        assertThat(PERSONAL.matcher("categorycode").matches()).isFalse();
    }

    /** Every record under {@code org.mitra.events} except the envelope, plus records nested in their fields. */
    private static Set<Class<?>> payloadRecords() {
        Set<Class<?>> records = new LinkedHashSet<>();
        for (Class<?> type : classesUnder("org.mitra.events")) {
            if (type.isRecord() && type != CloudEvent.class && type != Topic.class) {
                collect(type, records);
            }
        }
        return records;
    }

    private static void collect(Class<?> record, Set<Class<?>> into) {
        if (!into.add(record)) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            for (Class<?> used : usedTypes(component.getGenericType())) {
                if (used.isRecord()) {
                    collect(used, into);
                }
            }
        }
    }

    private static List<Class<?>> usedTypes(Type type) {
        List<Class<?>> types = new ArrayList<>();
        if (type instanceof Class<?> plain) {
            types.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                types.addAll(usedTypes(argument));
            }
        }
        return types;
    }

    private static List<Class<?>> classesUnder(String packageName) {
        try {
            Path root = Path.of(NoPersonalDataTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolveSibling("classes");
            Path packageDir = root.resolve(packageName.replace('.', '/'));
            try (Stream<Path> files = Files.walk(packageDir)) {
                return files.filter(file -> file.toString().endsWith(".class"))
                        .map(file -> root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .map(NoPersonalDataTest::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
