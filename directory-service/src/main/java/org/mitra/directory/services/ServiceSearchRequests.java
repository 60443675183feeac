package org.mitra.directory.services;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mitra.directory.freshness.FreshnessRules;
import org.mitra.directory.region.Region;
import org.mitra.directory.region.Regions;
import org.mitra.directory.taxonomy.Taxonomy;
import org.mitra.events.Slice;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;

/**
 * Checks a search's parameters against the taxonomy and regions, naming every bad one, then searches: services whose
 * details are overdue, then stale, rank after the others, and each result shows its freshness and why.
 */
@ApplicationScoped
public class ServiceSearchRequests {
    @Inject
    ServiceSearch search;

    @Inject
    Taxonomy taxonomy;

    @Inject
    Regions regions;

    @Inject
    FreshnessRules freshness;

    Clock clock = Clock.systemUTC();

    public ServiceSearch.Viewed<ServiceView> search(String slice, String category, String region, String language, String gender,
            Integer age, Boolean available, String text, PageRequest page) {
        List<FieldMessage> violations = new ArrayList<>();
        Slice wantedSlice = null;
        if (present(slice)) {
            wantedSlice = Slice.fromCode(slice);
            if (wantedSlice == null) {
                violations.add(new FieldMessage("slice", MESSAGES.text("field.slice")));
            }
        }
        if (present(category) && !taxonomy.categoriesByCode().containsKey(category)) {
            violations.add(new FieldMessage("category", MESSAGES.text("field.category-unknown")));
        }
        Region wantedRegion = null;
        if (present(region)) {
            wantedRegion = regions.find(region).orElse(null);
            if (wantedRegion == null) {
                violations.add(new FieldMessage("region", MESSAGES.text("field.region-unknown")));
            }
        }
        Gender wantedGender = null;
        if (present(gender)) {
            try {
                wantedGender = Gender.valueOf(gender.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                violations.add(new FieldMessage("gender", MESSAGES.text("field.gender")));
            }
        }
        if (age != null && (age < 0 || age > 120)) {
            violations.add(new FieldMessage("age", MESSAGES.text("field.age")));
        }
        if (present(text) && text.length() > 200) {
            violations.add(new FieldMessage("q", MESSAGES.text("field.at-most-characters", 200)));
        }
        if (present(language) && language.length() > 16) {
            violations.add(new FieldMessage("language", MESSAGES.text("field.language")));
        }
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
        ServiceQuery query = ServiceQuery.of(wantedSlice, present(category) ? category : null,
                present(language) ? language : null, wantedGender, age, Boolean.TRUE.equals(available),
                present(text) ? text.strip() : null);
        // Ranked and shown with freshness as at the start of the hour, so a page is kept (for the hour at most) as it is shown.
        FreshnessRules.Cutoffs ranking = freshness.cutoffs(clock.instant().truncatedTo(ChronoUnit.HOURS));
        // The public view (no confidential location), the same for every caller, so the page is kept as it is shown.
        return search.search(query, wantedRegion, ranking, (int) page.offset(), page.size(), "public",
                services -> services.stream().map(service -> ServiceView.of(service, false, freshness.of(service, ranking))).toList());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
