package org.mitra.referral.matching;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mitra.events.Slice;
import org.mitra.events.directory.CapacityStatus;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.referral.directory.DirectoryReadModel;
import org.mitra.referral.directory.DirectoryService;
import org.mitra.referral.referral.Gender;
import org.mitra.web.problem.InvalidRequestException;

/**
 * Finds verified organizations offering a category in a region (or its nearest parent region),
 * from the directory read model: available capacity first, then the closer region, then language.
 */
@ApplicationScoped
public class Matching {
    static final int MAX_MATCHES = 50;

    @Inject
    DirectoryReadModel directory;

    @Inject
    FreshnessConfig freshness;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<MatchView> find(String category, String region, Integer age, Gender gender, String language,
            Optional<UUID> excludedOrganization) {
        return find(category, region, age, gender, language, excludedOrganization.map(Set::of).orElse(Set.of()));
    }

    /** The matches ranked, leaving out these organizations (the sender, those a referral was already sent to). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MatchView> find(String category, String region, Integer age, Gender gender, String language,
            Set<UUID> excludedOrganizations) {
        Slice slice = directory.sliceOf(category).orElseThrow(() -> InvalidRequestException.of("category", MESSAGES.text("field.category-unknown")));
        List<String> regionAndParents = regionAndParents(region);
        List<Candidate> candidates = new ArrayList<>();
        List<DirectoryService> offered = DirectoryService.list(
                "select s from DirectoryService s join fetch s.organization o where s.categoryCode = ?1 and o.status = ?2",
                category, OrganizationStatus.VERIFIED);
        for (DirectoryService service : offered) {
            if (excludedOrganizations.contains(service.organization.id)
                    || (slice == Slice.INTERVENTION && !service.organization.worksWithLawEnforcement)) {
                continue;
            }
            for (int distance = 0; distance < regionAndParents.size(); distance++) {
                if (service.coveredRegions().contains(regionAndParents.get(distance))) {
                    candidates.add(new Candidate(service, distance, regionAndParents.get(distance)));
                    break;
                }
            }
        }
        Instant now = clock.instant();
        candidates.sort(Comparator.comparingInt((Candidate candidate) -> capacityGroup(candidate.service()))
                .thenComparing(candidate -> freshness(candidate.service(), now))
                .thenComparingInt(Candidate::distance)
                .thenComparingInt(candidate -> speaks(candidate.service(), language) ? 0 : 1)
                .thenComparing(candidate -> -Optional.ofNullable(candidate.service().capacityAvailable).orElse(0))
                .thenComparing(candidate -> candidate.service().organization.name));
        List<MatchView> matches = new ArrayList<>();
        for (Candidate candidate : candidates.subList(0, Math.min(MAX_MATCHES, candidates.size()))) {
            DirectoryService service = candidate.service();
            matches.add(new MatchView(matches.size() + 1, service.organization.id, service.organization.name, service.id,
                    service.name, service.categoryCode, service.slice, candidate.coveredRegion(), service.capacityStatus,
                    service.capacityAvailable, service.capacityUnit, service.organization.worksWithLawEnforcement,
                    freshness(service, now).name(), reasons(candidate, region, slice, language, age != null || gender != null,
                    freshness(service, now))));
        }
        return matches;
    }

    /** A region code and its ancestors by the official (BPS) coding: regency 5171 → province 51. */
    static List<String> regionAndParents(String region) {
        List<String> codes = new ArrayList<>();
        codes.add(region);
        if (region.length() == 4) {
            codes.add(region.substring(0, 2));
        }
        return codes;
    }

    /** Whether this match reports it is full: a referral sent there would only be rejected for want of capacity. */
    public static boolean isFull(MatchView match) {
        return match.capacityStatus() == CapacityStatus.NO_CAPACITY
                || (match.capacityAvailable() != null && match.capacityAvailable() <= 0);
    }

    /** Whether this match reports room now (capacity, or places available): whom an open emergency is offered to. */
    public static boolean hasRoomNow(MatchView match) {
        return !isFull(match) && (match.capacityStatus() == CapacityStatus.CAPACITY
                || (match.capacityStatus() == null && match.capacityAvailable() != null));
    }

    /** 0: can take someone now; 1: waitlist or assessment; 2: nothing published; 3: full. */
    static int capacityGroup(DirectoryService service) {
        if (service.capacityStatus == CapacityStatus.NO_CAPACITY
                || (service.capacityAvailable != null && service.capacityAvailable <= 0)) {
            return 3;
        }
        if (service.capacityStatus == CapacityStatus.CAPACITY
                || (service.capacityStatus == null && service.capacityAvailable != null)) {
            return 0;
        }
        return service.capacityStatus == null ? 2 : 1;
    }

    private static boolean speaks(DirectoryService service, String language) {
        return language != null && service.organization.languages.contains(language);
    }

    /** How fresh the directory's entry is: its details' confirmation and its capacity's last report. */
    enum Freshness { FRESH, DUE, OVERDUE, STALE }

    /** The worst of the details' and the capacity's age; an entry that never said when it was confirmed counts as fresh. */
    Freshness freshness(DirectoryService service, Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC);
        if (service.detailsConfirmedAt != null && service.detailsConfirmedAt.isBefore(today.minus(freshness.detailsStale()).toInstant())) {
            return Freshness.STALE;
        }
        if (service.detailsConfirmedAt != null
                && service.detailsConfirmedAt.isBefore(today.minus(freshness.detailsOverdue()).toInstant())) {
            return Freshness.OVERDUE;
        }
        if (service.capacityUpdated != null && service.capacityUpdated.isBefore(today.minus(freshness.capacityDue()).toInstant())) {
            return Freshness.DUE;
        }
        return Freshness.FRESH;
    }

    private static List<String> reasons(Candidate candidate, String region, Slice slice, String language, boolean askedAgeOrGender,
            Freshness fresh) {
        DirectoryService service = candidate.service();
        List<String> reasons = new ArrayList<>();
        reasons.add(switch (capacityGroup(service)) {
            case 0 -> "has capacity now" + (service.capacityAvailable == null ? ""
                    : ": " + service.capacityAvailable + " " + Optional.ofNullable(service.capacityUnit).orElse("places") + " available");
            case 1 -> "can take someone after " + (service.capacityStatus == CapacityStatus.WAITLIST ? "a waitlist" : "an assessment");
            case 2 -> "publishes no capacity";
            default -> "has no capacity now";
        });
        reasons.add(candidate.distance() == 0 ? "serves region " + region + " itself"
                : "serves the parent region " + candidate.coveredRegion() + " of " + region);
        if (language != null) {
            reasons.add(speaks(service, language) ? "works in language " + language : "does not list language " + language);
        }
        if (slice == Slice.INTERVENTION) {
            reasons.add("works with law enforcement");
        }
        switch (fresh) {
            case STALE -> reasons.add("ranked lower: its details were last confirmed " + day(service.detailsConfirmedAt)
                    + ", more than a year ago (stale)");
            case OVERDUE -> reasons.add("ranked lower: its details were last confirmed " + day(service.detailsConfirmedAt)
                    + ", more than six months ago (overdue)");
            case DUE -> reasons.add("ranked lower: its capacity was last updated " + day(service.capacityUpdated)
                    + ", more than a week ago");
            case FRESH -> { }
        }
        if (askedAgeOrGender) {
            reasons.add("age and gender eligibility are not in the directory's published data yet: confirm with the organization");
        }
        return reasons;
    }

    private static String day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private record Candidate(DirectoryService service, int distance, String coveredRegion) {
    }
}
