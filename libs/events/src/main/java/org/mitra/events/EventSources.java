package org.mitra.events;

/** CloudEvent {@code source} of each publishing service: {@code /mitra/<service name>}. */
public final class EventSources {
    public static final String DIRECTORY = of("directory-service");
    public static final String REFERRAL = of("referral-service");
    public static final String AWARENESS = of("awareness-service");

    private EventSources() {
    }

    public static String of(String serviceName) {
        return "/mitra/" + serviceName;
    }
}
