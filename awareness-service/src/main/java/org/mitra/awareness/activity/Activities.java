package org.mitra.awareness.activity;

import static org.mitra.awareness.AwarenessMessages.MESSAGES;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mitra.awareness.SecretTokens;
import org.mitra.awareness.campaign.Campaign;
import org.mitra.awareness.campaign.CampaignEvents;
import org.mitra.awareness.campaign.CampaignAccess;
import org.mitra.awareness.campaign.Campaigns;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;

/**
 * A campaign's activities and the places at them. Seats go first come, first served; when an
 * activity is full, people join its waiting list and move up when a place frees. Registrants'
 * names and contacts are shown only to the staff of the campaign's organizations.
 */
@ApplicationScoped
public class Activities {
    public static final String TOKEN_HEADER = "Registration-Token";

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignAccess access;

    @Inject
    CampaignEvents events;

    Clock clock = Clock.systemUTC();

    public record Registered(Registration registration, Long waitlistPosition, String token) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Activity add(UUID campaignId, ActivityRequest request) {
        Campaign campaign = editable(campaignId);
        check(request);
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.campaignId = campaign.id;
        activity.createdAt = clock.instant();
        apply(request, activity);
        activity.persist();
        if (campaign.status == Campaign.Status.ACTIVE) {
            Activity.getEntityManager().flush();
            events.publishStateOf(campaign);
        }
        return activity;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Activity update(UUID campaignId, UUID activityId, String ifMatch, ActivityRequest request) {
        Campaign campaign = editable(campaignId);
        Activity activity = find(campaignId, activityId);
        IfMatch.require(ifMatch, EntityTags.of(activity.id, activity.version));
        check(request);
        apply(request, activity);
        Activity.getEntityManager().flush();
        promoteFromWaitlist(activity);
        if (campaign.status == Campaign.Status.ACTIVE) {
            Activity.getEntityManager().flush();
            events.publishStateOf(campaign);
        }
        return activity;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Activity> of(UUID campaignId, PageRequest page) {
        Campaign campaign = campaigns.visible(campaignId);
        return Activity.<Activity>find("campaignId", Sort.ascending("startsAt").and("id"), campaign.id)
                .page(page.page(), page.size()).list();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long countOf(UUID campaignId) {
        return Activity.count("campaignId", campaignId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Activity visible(UUID campaignId, UUID activityId) {
        campaigns.visible(campaignId);
        return find(campaignId, activityId);
    }

    public long count(Activity activity, Registration.Status status) {
        return Registration.count("activityId = ?1 and status = ?2", activity.id, status);
    }

    /** A place if one is free, otherwise the waiting list; the activity is locked so two people never get the last seat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Registered register(UUID campaignId, UUID activityId, RegistrationRequest request) {
        Campaign campaign = campaigns.visible(campaignId);
        if (campaign.status != Campaign.Status.ACTIVE) {
            throw new ConflictException(MESSAGES.text("campaign.no-registrations", campaignId, campaign.status))
                    .with("currentState", campaign.status.name());
        }
        find(campaignId, activityId);
        Activity activity = Activity.findById(activityId, LockModeType.PESSIMISTIC_WRITE);
        if (!activity.endsAt.isAfter(clock.instant())) {
            throw new ConflictException(MESSAGES.text("activity.over", activityId));
        }
        String token = SecretTokens.newToken();
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.activityId = activity.id;
        registration.name = request.name().strip();
        registration.contact = request.contact().strip();
        registration.status = activity.capacity == null || count(activity, Registration.Status.REGISTERED) < activity.capacity
                ? Registration.Status.REGISTERED : Registration.Status.WAITLISTED;
        registration.tokenHash = SecretTokens.hash(token);
        registration.createdAt = clock.instant();
        registration.updatedAt = registration.createdAt;
        registration.persist();
        Long position = registration.status == Registration.Status.WAITLISTED
                ? count(activity, Registration.Status.WAITLISTED) : null;
        return new Registered(registration, position, token);
    }

    /**
     * The registrants, for the verified staff of the campaign's owner, and of a co-sponsor that accepted for those who
     * registered after it accepted; nobody else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<Registration> registrations(UUID campaignId, UUID activityId, PageRequest page) {
        Campaign campaign = campaigns.visible(campaignId);
        Instant since = access.contactsVisibleSince(campaign).orElseThrow(() -> new AccessDeniedException(
                MESSAGES.text("activity.registrations-hidden", activityId)));
        Activity activity = find(campaignId, activityId);
        var query = Registration.<Registration>find("activityId = ?1 and createdAt >= ?2", Sort.ascending("createdAt").and("id"),
                activity.id, since);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    /**
     * Cancels a registration with its token; the first on the waiting list takes the freed place. An unknown
     * id, a registration of another activity or campaign and a wrong token all give the same 404, so nobody
     * without the token can tell which registration (or activity) ids exist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(UUID campaignId, UUID activityId, UUID registrationId, String token) {
        if (token == null || token.isBlank()) {
            throw InvalidRequestException.of(TOKEN_HEADER, MESSAGES.text("field.registration-token"));
        }
        Optional<Activity> activity = Activity.<Activity>findByIdOptional(activityId)
                .filter(found -> found.campaignId.equals(campaignId))
                .map(found -> Activity.<Activity>findById(activityId, LockModeType.PESSIMISTIC_WRITE));
        Optional<Registration> registration = activity.flatMap(locked -> Registration.<Registration>findByIdOptional(registrationId)
                .filter(found -> found.activityId.equals(locked.id)));
        if (!SecretTokens.matches(token, registration.map(found -> found.tokenHash).orElse(null))) {
            throw ResourceNotFoundException.of(MESSAGES.text("noun.registration"), registrationId);
        }
        registration.orElseThrow().delete();
        Registration.getEntityManager().flush();
        promoteFromWaitlist(activity.orElseThrow());
    }

    private void promoteFromWaitlist(Activity activity) {
        if (activity.capacity == null) {
            Registration.update("status = ?1, updatedAt = ?2 where activityId = ?3 and status = ?4",
                    Registration.Status.REGISTERED, clock.instant(), activity.id, Registration.Status.WAITLISTED);
            return;
        }
        long free = activity.capacity - count(activity, Registration.Status.REGISTERED);
        if (free <= 0) {
            return;
        }
        List<Registration> next = Registration.<Registration>find("activityId = ?1 and status = ?2",
                Sort.ascending("createdAt").and("id"), activity.id, Registration.Status.WAITLISTED).page(0, (int) free).list();
        next.forEach(registration -> {
            registration.status = Registration.Status.REGISTERED;
            registration.updatedAt = clock.instant();
        });
    }

    private Campaign editable(UUID campaignId) {
        Campaign campaign = campaigns.visible(campaignId);
        access.requireEditor(campaign);
        if (campaign.status == Campaign.Status.CANCELLED) {
            throw new ConflictException(MESSAGES.text("campaign.cancelled", campaignId)).with("currentState", campaign.status.name());
        }
        return campaign;
    }

    private Activity find(UUID campaignId, UUID activityId) {
        return Activity.<Activity>findByIdOptional(activityId)
                .filter(activity -> activity.campaignId.equals(campaignId))
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.activity"), activityId));
    }

    private static void check(ActivityRequest request) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw InvalidRequestException.of("endsAt", MESSAGES.text("field.ends-after-starts"));
        }
    }

    private void apply(ActivityRequest request, Activity activity) {
        activity.kind = request.kind();
        activity.title = request.title();
        activity.description = request.description();
        activity.startsAt = request.startsAt();
        activity.endsAt = request.endsAt();
        activity.place = request.place();
        activity.regionCode = request.regionCode();
        activity.language = request.language();
        activity.capacity = request.capacity();
        activity.attendance = request.attendance();
        activity.updatedAt = clock.instant();
    }
}
