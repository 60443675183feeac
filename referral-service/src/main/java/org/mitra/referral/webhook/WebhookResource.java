package org.mitra.referral.webhook;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.referral.ApiDocs;
import org.mitra.web.Caller;
import org.mitra.web.Roles;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;
import org.mitra.web.problem.UnprocessableException;

/**
 * An organization's webhook subscriptions, for its {@code org-admin} and its {@code partner-app}: made, verified, read,
 * changed, rotated and deleted by that organization only (another organization's subscription is 404, as if absent),
 * and only while the organization is verified. Deliveries and their log are described on {@link WebhookDispatcher}.
 */
@Path("/api/webhooks/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PARTNER_APP})
@Tag(name = "webhooks", description = "Signed, id-only webhooks (Standard Webhooks) of the events that concern the "
        + "subscriber's organization: referrals sent to it or by it, its verification")
public class WebhookResource {
    /** Subscriptions one organization may have. */
    static final int MAX_PER_ORGANIZATION = 10;
    private static final int MAX_LOG = 200;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Inject
    Caller caller;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookSigning signing;

    @Inject
    EndpointVerification verification;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe an endpoint to webhook types",
            description = "Saves the subscription, then posts a signed challenge (type webhook.verification) to the "
                    + "endpoint, which must echo data.challenge within 15 s: the subscription is ACTIVE if it did, "
                    + "PENDING_VERIFICATION with the reason otherwise (verify it again once the endpoint is ready). The "
                    + "answer holds the whsec_ signing secret, shown this once.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "201", description = "The subscription, with its secret and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookViews.SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Not an https URL, or its host resolves to an address that is not public")
    @APIResponse(responseCode = "422", description = "The organization has " + MAX_PER_ORGANIZATION + " subscriptions already")
    public Response create(@Valid @NotNull WebhookViews.SubscriptionRequest request, @Context UriInfo uri) {
        UUID organization = caller.verifiedStaffOrganization();
        checkEndpoint(request.url());
        String secret = WebhookSigning.newSecret();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            if (WebhookSubscription.count("organizationId", organization) >= MAX_PER_ORGANIZATION) {
                throw new UnprocessableException(MESSAGES.text("webhook.limit", MAX_PER_ORGANIZATION));
            }
            Instant now = clock.instant();
            WebhookSubscription subscription = new WebhookSubscription();
            subscription.id = id;
            subscription.organizationId = organization;
            subscription.url = request.url();
            subscription.types(request.eventTypes());
            subscription.description = request.description();
            subscription.status = WebhookSubscription.Status.PENDING_VERIFICATION;
            subscription.statusReason = "Not verified yet";
            subscription.secretWrapped = signing.wrap(id, secret, false);
            subscription.createdBy = caller.username();
            subscription.createdAt = now;
            subscription.updatedAt = now;
            subscription.persist();
        });
        WebhookSubscription verified = verify(id);
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(WebhookViews.SubscriptionView.of(verified, secret, clock.instant())).build();
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "The organization's webhook subscriptions",
            description = "Every subscription of the caller's organization, oldest first, with its status and the reason "
                    + "when it is pending or disabled. Secrets are never shown again.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public List<WebhookViews.SubscriptionView> list() {
        UUID organization = caller.verifiedStaffOrganization();
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> WebhookSubscription
                .<WebhookSubscription>list("organizationId", Sort.ascending("createdAt").and("id"), organization)
                .stream().map(subscription -> WebhookViews.SubscriptionView.of(subscription, null, now)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "One of the organization's webhook subscriptions",
            description = "Its endpoint, types, status (with the reason when pending or disabled), since when deliveries "
                    + "fail and until when it waits. Another organization's subscription is 404.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "200", description = "The subscription (never its secret)")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public WebhookViews.SubscriptionView get(@PathParam("id") UUID id) {
        UUID organization = caller.verifiedStaffOrganization();
        return QuarkusTransaction.requiringNew().call(() -> WebhookViews.SubscriptionView.of(own(organization, id), null, clock.instant()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhookSubscription", summary = "Change a subscription's endpoint, types or description",
            description = "A new URL is verified again before anything is delivered to it (PENDING_VERIFICATION until it "
                    + "echoes the challenge); what is owed meanwhile waits, nothing is lost.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "200", description = "The subscription as changed")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public WebhookViews.SubscriptionView update(@PathParam("id") UUID id, @Valid @NotNull WebhookViews.SubscriptionRequest request) {
        UUID organization = caller.verifiedStaffOrganization();
        QuarkusTransaction.requiringNew().run(() -> own(organization, id)); // 404 before anything about the URL
        checkEndpoint(request.url());
        boolean newUrl = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription subscription = own(organization, id);
            boolean changed = !subscription.url.equals(request.url());
            subscription.url = request.url();
            subscription.types(request.eventTypes());
            subscription.description = request.description();
            subscription.updatedAt = clock.instant();
            if (changed) {
                subscription.status = WebhookSubscription.Status.PENDING_VERIFICATION;
                subscription.statusReason = "The URL changed; not verified yet";
            }
            return changed;
        });
        WebhookSubscription result = newUrl ? verify(id) : QuarkusTransaction.requiringNew().call(() -> own(organization, id));
        return WebhookViews.SubscriptionView.of(result, null, clock.instant());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a subscription, with its deliveries and their log",
            description = "Nothing more is delivered to its endpoint; what it was still owed is dropped with it.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public void delete(@PathParam("id") UUID id) {
        UUID organization = caller.verifiedStaffOrganization();
        QuarkusTransaction.requiringNew().run(() -> own(organization, id).delete());
    }

    @POST
    @Path("/{id}/verification")
    @Operation(operationId = "verifyWebhookSubscription", summary = "Verify the endpoint again (and so resume a disabled subscription)",
            description = "Posts a new challenge. If the endpoint echoes it, the subscription becomes ACTIVE and what it is "
                    + "owed (held while it was pending or disabled) is delivered, in order; otherwise 422 with the reason.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "200", description = "ACTIVE")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    @APIResponse(responseCode = "422", description = "The endpoint did not echo the challenge; the reason says why")
    public WebhookViews.SubscriptionView reverify(@PathParam("id") UUID id) {
        UUID organization = caller.verifiedStaffOrganization();
        QuarkusTransaction.requiringNew().run(() -> own(organization, id));
        WebhookSubscription result = verify(id);
        if (result.status != WebhookSubscription.Status.ACTIVE) {
            throw new UnprocessableException(result.statusReason);
        }
        return WebhookViews.SubscriptionView.of(result, null, clock.instant());
    }

    @POST
    @Path("/{id}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = "Returns the new whsec_ secret, this once. Until previousSecretValidUntil (24 h) every delivery "
                    + "carries two signatures, one per secret, so the receiver can switch whenever it is ready. Rotating "
                    + "again within those 24 h ends the older secret's overlap at once: only the secret just replaced "
                    + "keeps signing beside the new one (so a secret that leaked can be replaced twice in a row).")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public WebhookViews.SubscriptionView rotate(@PathParam("id") UUID id) {
        UUID organization = caller.verifiedStaffOrganization();
        String secret = WebhookSigning.newSecret();
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription subscription = own(organization, id);
            Instant now = clock.instant();
            String current = signing.unwrap(id, subscription.secretWrapped, false);
            subscription.previousSecretWrapped = signing.wrap(id, current, true);
            subscription.previousSecretUntil = now.plus(config.secretOverlap());
            subscription.secretWrapped = signing.wrap(id, secret, false);
            subscription.updatedAt = now;
            return WebhookViews.SubscriptionView.of(subscription, secret, now);
        });
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log: what was owed, every try and the next one",
            description = "Newest first. Each delivery has its webhook-id, type, status (PENDING, DELIVERED, FAILED), the "
                    + "payload as sent, and every try: when, the endpoint's status code, latency and what went wrong.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "200", description = "The deliveries, newest first")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public List<WebhookViews.DeliveryView> deliveries(@PathParam("id") UUID id,
            @Parameter(description = "Only events that happened at or after this time (ISO-8601, e.g. 2026-12-01T00:00:00Z)")
            @QueryParam("since") String sinceText,
            @Parameter(description = "Only deliveries in this status") @QueryParam("status") WebhookDelivery.Status status,
            @Parameter(description = "At most this many (default 50, at most 200)") @QueryParam("limit") Integer limit) {
        UUID organization = caller.verifiedStaffOrganization();
        Instant since = sinceText == null ? null : instant("since", sinceText);
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > MAX_LOG) {
            throw InvalidRequestException.of("limit", MESSAGES.text("field.limit", MAX_LOG));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            own(organization, id);
            StringBuilder query = new StringBuilder("subscriptionId = :id");
            Map<String, Object> parameters = new HashMap<>(Map.of("id", id));
            if (since != null) {
                query.append(" and occurredAt >= :since");
                parameters.put("since", since);
            }
            if (status != null) {
                query.append(" and status = :status");
                parameters.put("status", status);
            }
            List<WebhookDelivery> deliveries = WebhookDelivery.<WebhookDelivery>find(query.toString(),
                    Sort.descending("seq"), parameters).page(0, max).list();
            Map<Long, List<WebhookViews.AttemptView>> attempts = new HashMap<>();
            if (!deliveries.isEmpty()) {
                List<WebhookAttempt> all = WebhookAttempt.list("deliverySeq in ?1",
                        deliveries.stream().map(delivery -> delivery.seq).toList());
                all.sort(Comparator.comparing((WebhookAttempt attempt) -> attempt.attemptedAt).thenComparing(attempt -> attempt.id));
                for (WebhookAttempt attempt : all) {
                    attempts.computeIfAbsent(attempt.deliverySeq, seq -> new ArrayList<>()).add(new WebhookViews.AttemptView(
                            attempt.attemptedAt, attempt.statusCode, attempt.latencyMs, attempt.error));
                }
            }
            return deliveries.stream().map(delivery -> new WebhookViews.DeliveryView(delivery.messageId,
                    WebhookType.of(delivery.eventType), delivery.status, delivery.occurredAt, delivery.createdAt,
                    delivery.attempts, delivery.status == WebhookDelivery.Status.PENDING ? delivery.nextAttemptAt : null,
                    delivery.lastStatusCode, delivery.deliveredAt, delivery.payload,
                    attempts.getOrDefault(delivery.seq, List.of()))).toList();
        });
    }

    @POST
    @Path("/{id}/deliveries/{messageId}/replay")
    @Operation(operationId = "replayWebhookDelivery", summary = "Send one delivery again",
            description = "With the same webhook-id and payload, in order with its referral's other deliveries, and a "
                    + "fresh retry schedule.")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookViews.ReplayView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery of the caller's organization")
    public Response replay(@PathParam("id") UUID id, @PathParam("messageId") String messageId) {
        UUID organization = caller.verifiedStaffOrganization();
        int queued = QuarkusTransaction.requiringNew().call(() -> {
            own(organization, id);
            return requeue("subscriptionId = :id and messageId = :message", Map.of("id", id, "message", messageId));
        });
        if (queued == 0) {
            throw ResourceNotFoundException.of(MESSAGES.text("noun.webhook-delivery"), messageId);
        }
        return Response.accepted(new WebhookViews.ReplayView(queued)).build();
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayWebhookDeliveries", summary = "Send again every delivery of events since a time",
            description = "For a receiver that lost what it received: every delivery of an event that happened at or "
                    + "after `since` is queued again (same webhook-ids, so a receiver that kept its dedupe records skips them).")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    @APIResponse(responseCode = "202", description = "Queued, with how many",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookViews.ReplayView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Response replaySince(@PathParam("id") UUID id, @Valid @NotNull WebhookViews.ReplayRequest request) {
        UUID organization = caller.verifiedStaffOrganization();
        checkRange("since", request.since());
        int queued = QuarkusTransaction.requiringNew().call(() -> {
            own(organization, id);
            return requeue("subscriptionId = :id and occurredAt >= :since", Map.of("id", id, "since", request.since()));
        });
        return Response.accepted(new WebhookViews.ReplayView(queued)).build();
    }

    /** Instants a client sends: ISO-8601, and within what PostgreSQL stores (a year like +1000000000 is 400, not 500). */
    private static Instant instant(String field, String text) {
        Instant parsed;
        try {
            parsed = Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidRequestException.of(field, MESSAGES.text("field.instant"));
        }
        checkRange(field, parsed);
        return parsed;
    }

    private static void checkRange(String field, Instant value) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw InvalidRequestException.of(field, MESSAGES.text("field.between", EARLIEST, LATEST));
        }
    }

    private int requeue(String where, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("pending", WebhookDelivery.Status.PENDING);
        all.put("now", clock.instant());
        return WebhookDelivery.update("status = :pending, attempts = 0, nextAttemptAt = :now, deliveredAt = null where "
                + where + " and status <> :pending", all);
    }

    private static WebhookSubscription own(UUID organization, UUID id) {
        return Optional.ofNullable(WebhookSubscription.<WebhookSubscription>findById(id))
                .filter(subscription -> subscription.organizationId.equals(organization))
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.webhook-subscription"), id));
    }

    private void checkEndpoint(String url) {
        Optional<String> refused = EndpointAddresses.refusedUrl(url, config.allowLoopback())
                .or(() -> EndpointAddresses.refusedHost(java.net.URI.create(url).getHost(), config.allowLoopback()));
        refused.ifPresent(why -> {
            throw InvalidRequestException.of("url", why);
        });
    }

    /** Posts a challenge (outside any transaction) and records the outcome. */
    private WebhookSubscription verify(UUID id) {
        WebhookSubscription subscription = QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.findById(id));
        String challenged = subscription.url;
        Optional<String> failure = verification.verify(subscription);
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription current = WebhookSubscription.findById(id);
            if (current == null) {
                throw ResourceNotFoundException.of(MESSAGES.text("noun.webhook-subscription"), id);
            }
            current.updatedAt = clock.instant();
            if (!current.url.equals(challenged)) {
                // The URL changed while its predecessor answered: the new one has proved nothing yet.
                current.status = WebhookSubscription.Status.PENDING_VERIFICATION;
                current.statusReason = "The URL changed during its verification; verify it again";
            } else if (failure.isEmpty()) {
                current.status = WebhookSubscription.Status.ACTIVE;
                current.statusReason = null;
                current.failingSince = null;
                current.pausedUntil = null;
                // What failed through the whole schedule was never delivered: it goes out again, first, in order.
                WebhookDelivery.update("status = ?1, attempts = 0, nextAttemptAt = ?2 where subscriptionId = ?3 and status = ?4",
                        WebhookDelivery.Status.PENDING, clock.instant(), id, WebhookDelivery.Status.FAILED);
            } else {
                // A disabled subscription stays disabled; a pending one stays pending; either way with the newest reason.
                current.statusReason = failure.get();
            }
            return current;
        });
    }
}
