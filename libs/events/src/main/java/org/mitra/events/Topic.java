package org.mitra.events;

import java.util.List;

/**
 * The platform's Kafka topics. Keys are entity ids; values are structured-mode CloudEvents.
 *
 * @param name      the topic name
 * @param compacted whether the topic keeps only the latest event per key (full-state topics)
 */
public record Topic(String name, boolean compacted) {
    /** Full public state of each organization, so consumers can rebuild a read model from scratch. */
    public static final Topic DIRECTORY_ORGANIZATIONS = new Topic("mitra.directory.organizations", true);
    /** Each referral transition, without personal data. */
    public static final Topic REFERRALS_LIFECYCLE = new Topic("mitra.referrals.lifecycle", false);
    /** Campaigns, their activities and pledge counts. */
    public static final Topic AWARENESS_CAMPAIGNS = new Topic("mitra.awareness.campaigns", false);

    /**
     * Records a consumer could never apply (not a CloudEvent, data that does not fit, an effect failing on every
     * try), moved here by each consumer's connector with the reason, source topic, partition and offset in headers,
     * so the partition they came from flows on. For operators to inspect and replay; never read by a service.
     */
    public static final Topic DEAD_LETTERS = new Topic("mitra.dead-letters", false);

    public static List<Topic> all() {
        return List.of(DIRECTORY_ORGANIZATIONS, REFERRALS_LIFECYCLE, AWARENESS_CAMPAIGNS, DEAD_LETTERS);
    }
}
