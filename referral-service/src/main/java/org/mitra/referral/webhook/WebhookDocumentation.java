package org.mitra.referral.webhook;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.mitra.events.awareness.CampaignStatus;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.events.referral.ReferralStatus;

/**
 * Describes the deliveries Mitra sends to subscribers as the OpenAPI 3.1 {@code webhooks} of this service's document,
 * so partners see every payload in Swagger UI: one webhook per {@link WebhookType} (keyed by its wire name) and the
 * endpoint verification {@value EndpointVerification#TYPE}. The list is made from {@link WebhookType#values()}, and
 * {@link #payloadOf} is an exhaustive switch, so a new type cannot be sent undocumented.
 * <p>
 * Each delivery is a signed POST (Standard Webhooks) with the headers {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature}, and a thin JSON body ({@code type}, {@code timestamp}, {@code data}) as written by
 * {@link WebhookEvents} and {@link EndpointVerification}. The webhooks are not paths: nothing here changes an
 * operation of the API itself.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WebhookDocumentation implements OASFilter {
    static final String TAG = "webhooks";
    static final String REFERRAL_PAYLOAD = "WebhookReferralPayload";
    static final String ORGANIZATION_PAYLOAD = "WebhookOrganizationPayload";
    static final String CAMPAIGN_PAYLOAD = "WebhookCampaignPayload";
    static final String VERIFICATION_PAYLOAD = "WebhookVerificationPayload";
    static final String VERIFICATION_ANSWER = "WebhookVerificationAnswer";

    /** The body a webhook carries; each kind is one component schema. */
    enum Payload {
        REFERRAL(REFERRAL_PAYLOAD), ORGANIZATION(ORGANIZATION_PAYLOAD), CAMPAIGN(CAMPAIGN_PAYLOAD),
        VERIFICATION(VERIFICATION_PAYLOAD);

        final String schema;

        Payload(String schema) {
            this.schema = schema;
        }
    }

    /** Which payload a type's deliveries carry (exhaustive: a new type does not compile until it is placed). */
    static Payload payloadOf(WebhookType type) {
        return switch (type) {
            case REFERRAL_RECEIVED, REFERRAL_ACCEPTED, REFERRAL_REJECTED, REFERRAL_IN_PROGRESS, REFERRAL_ON_HOLD,
                    REFERRAL_COMPLETED, REFERRAL_FAILED, REFERRAL_CANCELLED, REFERRAL_ENTERED_IN_ERROR,
                    REFERRAL_CONSENT_WITHDRAWN -> Payload.REFERRAL;
            case ORGANIZATION_VERIFICATION_CHANGED -> Payload.ORGANIZATION;
            case CAMPAIGN_CHANGED -> Payload.CAMPAIGN;
        };
    }

    /**
     * The operationId of a webhook: {@code on} and its wire name in camel case ({@code referral.in-progress}:
     * {@code onReferralInProgress}).
     */
    static String operationId(String wireName) {
        StringBuilder id = new StringBuilder("on");
        for (String word : wireName.split("[.\\-]")) {
            if (!word.isEmpty()) {
                id.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return id.toString();
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() != null ? openAPI.getComponents() : OASFactory.createComponents();
        Map<Payload, List<String>> covered = new LinkedHashMap<>();
        for (WebhookType type : WebhookType.values()) {
            covered.computeIfAbsent(payloadOf(type), payload -> new ArrayList<>()).add(type.wireName());
        }
        covered.put(Payload.VERIFICATION, List.of(EndpointVerification.TYPE));
        components.addSchema(REFERRAL_PAYLOAD, referralPayload(covered.getOrDefault(Payload.REFERRAL, List.of())));
        components.addSchema(ORGANIZATION_PAYLOAD, organizationPayload(covered.getOrDefault(Payload.ORGANIZATION, List.of())));
        components.addSchema(CAMPAIGN_PAYLOAD, campaignPayload(covered.getOrDefault(Payload.CAMPAIGN, List.of())));
        components.addSchema(VERIFICATION_PAYLOAD, verificationPayload());
        components.addSchema(VERIFICATION_ANSWER, object("What the endpoint answers a verification with (or the challenge "
                + "as its whole body)").addProperty("challenge", string("The challenge of the request's data, unchanged"))
                .addRequired("challenge"));
        openAPI.setComponents(components);
        for (WebhookType type : WebhookType.values()) {
            openAPI.addWebhook(type.wireName(), OASFactory.createPathItem().POST(delivery(type.wireName(), payloadOf(type),
                    summary(type), description(type))));
        }
        openAPI.addWebhook(EndpointVerification.TYPE, OASFactory.createPathItem().POST(delivery(EndpointVerification.TYPE,
                Payload.VERIFICATION, "Verification challenge: echo it to receive deliveries",
                "Sent when a subscription is made, when its URL changes and when its owner asks for verification again "
                        + "(POST /api/webhooks/subscriptions/{id}/verification), before any other delivery. The endpoint "
                        + "proves it wants Mitra's deliveries by answering 2xx within the timeout with "
                        + "{\"challenge\": \"<data.challenge>\"}, or with the challenge as its whole body; until it does, "
                        + "the subscription receives nothing. Its webhook-id is verify_<hex>, not an event's id, and it is "
                        + "signed like every delivery.")));
    }

    private static String summary(WebhookType type) {
        return switch (payloadOf(type)) {
            case REFERRAL -> "Referral " + type.wireName().substring(type.wireName().indexOf('.') + 1).replace('-', ' ');
            case ORGANIZATION -> "Organization verification status changed";
            case CAMPAIGN -> "Campaign changed";
            case VERIFICATION -> "Verification challenge";
        };
    }

    private static String description(WebhookType type) {
        StringBuilder text = new StringBuilder();
        switch (payloadOf(type)) {
            case REFERRAL -> {
                List<String> statuses = Arrays.stream(ReferralStatus.values())
                        .filter(status -> WebhookType.ofReferral(status, null).filter(type::equals).isPresent()
                                || WebhookType.ofReferral(status, "CONSENT_WITHDRAWN").filter(type::equals).isPresent())
                        .map(Enum::name).toList();
                text.append(type == WebhookType.REFERRAL_RECEIVED
                        ? "Sent to the receiving organization when a referral to it is submitted: its status becomes "
                        : "Sent to the referral's sending organization, and to its receiving organization once it was "
                                + "submitted, when the referral's status becomes ").append(String.join(" or ", statuses));
                if (type == WebhookType.REFERRAL_CONSENT_WITHDRAWN) {
                    text.append(" because consent was withdrawn (reasonCode CONSENT_WITHDRAWN), or when consent is withdrawn "
                            + "after the referral closed (its status stays COMPLETED, FAILED, REJECTED or CANCELLED): the "
                            + "receiver should erase its own copy of the person's data; subscriptions to "
                            + WebhookType.REFERRAL_CANCELLED.wireName() + " receive it too");
                } else if (type == WebhookType.REFERRAL_CANCELLED) {
                    text.append(" for any reason other than withdrawn consent (that is "
                            + WebhookType.REFERRAL_CONSENT_WITHDRAWN.wireName() + ", also delivered to this type's subscriptions)");
                }
                text.append(". data.side says whether the subscriber's organization sent (SENDER) or received (RECEIVER) "
                        + "the referral. The payload holds ids, statuses and codes only: read the referral with your own "
                        + "token (GET /api/referrals/{referralId}).");
            }
            case ORGANIZATION -> text.append("Sent to an organization when the coalition verifies, suspends or otherwise "
                    + "changes its standing in the directory. While it is not VERIFIED, its staff and partner systems cannot "
                    + "act on referrals, and its other deliveries wait until it is verified again.");
            case CAMPAIGN -> text.append("Sent to the organization running a campaign and to its co-sponsors that "
                    + "accepted, when the campaign is launched, ended or cancelled, a co-sponsor accepts, or its counts "
                    + "(activities, pledges) change. data.role says whether the subscriber runs or co-sponsors it. Read the "
                    + "campaign with GET /api/awareness/campaigns/{campaignId}.");
            case VERIFICATION -> text.append("Verification challenge.");
        }
        text.append(" Only subscriptions that existed when the event happened receive it; deliveries of one referral or "
                + "organization come in order, each at least once: deduplicate by webhook-id.");
        return text.toString();
    }

    private static Operation delivery(String wireName, Payload payload, String summary, String description) {
        Schema body = OASFactory.createSchema()
                .addAllOf(OASFactory.createSchema().ref(payload.schema))
                .addAllOf(object(null).addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .constValue(wireName)));
        return OASFactory.createOperation()
                .operationId(operationId(wireName))
                .summary(summary)
                .description(description + "\n\nVerify webhook-signature before trusting the body (any Standard Webhooks "
                        + "library does), refuse a webhook-timestamp more than a few minutes away from now, and answer "
                        + "quickly: do the work after answering.")
                .addTag(TAG)
                .addParameter(header("webhook-id", "The message's id, the same on every try of it: deduplicate by it. "
                        + "An event's UUID; verification challenges use verify_<hex>", example(wireName)))
                .addParameter(header("webhook-timestamp", "When this try was sent, in Unix seconds; part of the signed "
                        + "content", "1767225600"))
                .addParameter(header("webhook-signature", "v1,<base64 HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>."
                        + "<body>\"> with the subscription's whsec_ secret; during a secret rotation's overlap two "
                        + "signatures, space-separated: accept the request if any one matches",
                        "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="))
                .requestBody(OASFactory.createRequestBody().required(true)
                        .description("The thin payload (Standard Webhooks): type, timestamp of the event, data")
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(body))))
                .responses(responses(payload));
    }

    private static String example(String wireName) {
        return EndpointVerification.TYPE.equals(wireName) ? "verify_0f1e2d3c4b5a69788796a5b4" : "6f1c2a9e-3d4b-4c8a-9e2f-1b7d5a3c0e94";
    }

    private static Parameter header(String name, String description, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example(example);
    }

    private static APIResponses responses(Payload payload) {
        APIResponses responses = OASFactory.createAPIResponses();
        if (payload == Payload.VERIFICATION) {
            responses.addAPIResponse("2XX", OASFactory.createAPIResponse()
                    .description("Verified: the body echoes the challenge, as {\"challenge\": \"...\"} or as the whole body")
                    .content(OASFactory.createContent()
                            .addMediaType("application/json", OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(VERIFICATION_ANSWER)))
                            .addMediaType("text/plain", OASFactory.createMediaType()
                                    .schema(string("The challenge, unchanged")))));
        } else {
            responses.addAPIResponse("2XX", OASFactory.createAPIResponse()
                    .description("Accepted: the delivery is done and not tried again; the body is ignored"));
        }
        responses.addAPIResponse("410", OASFactory.createAPIResponse()
                .description("Gone: Mitra disables the subscription and sends it nothing more until its owner enables it"));
        responses.addAPIResponse("429", OASFactory.createAPIResponse()
                .description("Too many requests: tried again later, not before the Retry-After delay")
                .addHeader("Retry-After", retryAfter()));
        responses.addAPIResponse("503", OASFactory.createAPIResponse()
                .description("Unavailable: tried again later, not before the Retry-After delay")
                .addHeader("Retry-After", retryAfter()));
        responses.defaultValue(OASFactory.createAPIResponse().description(payload == Payload.VERIFICATION
                ? "Not verified: the subscription receives nothing until a verification succeeds"
                : "Failed (any other status, a timeout or no answer): tried again with backoff, then recorded as failed "
                        + "and replayable from the delivery log"));
        return responses;
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait, or an HTTP date")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Schema referralPayload(List<String> types) {
        List<Object> statuses = Arrays.stream(ReferralStatus.values())
                .filter(status -> WebhookType.ofReferral(status, null).isPresent()).map(Enum::name).map(Object.class::cast).toList();
        Schema data = object("What happened to which referral: ids, statuses and codes, never personal data")
                .addProperty("referralId", uuid("The referral's id"))
                .addProperty("status", string("The referral's new status").enumeration(statuses))
                .addProperty("reasonCode", string("Why, when the change has a reason code (e.g. CONSENT_WITHDRAWN); absent otherwise"))
                .addProperty("side", string("Whether the subscriber's organization sent or received the referral")
                        .enumeration(List.of("SENDER", "RECEIVER")))
                .required(List.of("referralId", "status", "side"));
        return envelope("A referral's new status, delivered to the organizations that sent and received it", types, data,
                ordered("referralId", "0b6f8a1e-5c2d-4e7f-9a3b-8c1d2e4f6a70", "status", "REQUESTED", "side", "RECEIVER"));
    }

    private static Schema organizationPayload(List<String> types) {
        List<Object> statuses = Arrays.stream(OrganizationStatus.values()).map(Enum::name).map(Object.class::cast).toList();
        Schema data = object("Which organization's verification status changed, from what to what")
                .addProperty("organizationId", uuid("The organization's id (the subscriber's own)"))
                .addProperty("status", string("Its new status").enumeration(statuses))
                .addProperty("previousStatus", string("Its status before").enumeration(statuses))
                .required(List.of("organizationId", "status", "previousStatus"));
        return envelope("An organization's new verification status, delivered to that organization", types, data,
                ordered("organizationId", "5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d", "status", "SUSPENDED",
                        "previousStatus", "VERIFIED"));
    }

    private static Schema campaignPayload(List<String> types) {
        List<Object> statuses = Arrays.stream(CampaignStatus.values()).map(Enum::name).map(Object.class::cast).toList();
        Schema data = object("Which campaign changed, and the subscriber's part in it")
                .addProperty("campaignId", uuid("The campaign's id"))
                .addProperty("status", string("The campaign's status").enumeration(statuses))
                .addProperty("role", string("Whether the subscriber's organization runs the campaign or co-sponsors it")
                        .enumeration(List.of("RUNNER", "CO_SPONSOR")))
                .required(List.of("campaignId", "status", "role"));
        return envelope("A campaign's new state, delivered to the organization running it and its co-sponsors", types, data,
                ordered("campaignId", "7d2e4f6a-8b0c-4d1e-9f2a-3b4c5d6e7f80", "status", "ACTIVE", "role", "CO_SPONSOR"));
    }

    private static Schema verificationPayload() {
        Schema data = object("The challenge to echo")
                .addProperty("challenge", string("Random, url-safe; echo it unchanged"))
                .required(List.of("challenge"));
        return envelope("The challenge that proves an endpoint wants Mitra's deliveries", List.of(EndpointVerification.TYPE),
                data, ordered("challenge", "q3Jx9bW2mZ4kT7vN1cR8yL5hF0dS6gA2"));
    }

    private static Schema envelope(String description, List<String> types, Schema data, Map<String, Object> exampleData) {
        Schema type = string("The webhook type; the same as the webhook's name");
        if (types.size() == 1) {
            type.constValue(types.get(0));
        } else {
            type.enumeration(types.stream().map(Object.class::cast).toList());
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", types.isEmpty() ? "" : types.get(0));
        example.put("timestamp", "2026-01-01T08:30:00.123Z");
        example.put("data", exampleData);
        return object(description)
                .addProperty("type", type)
                .addProperty("timestamp", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time")
                        .description("When the event happened (ISO-8601, UTC); a verification's: when it was sent"))
                .addProperty("data", data)
                .required(List.of("type", "timestamp", "data"))
                .examples(List.of(example));
    }

    /** An example's fields in the given order, so the build writes the same document every time. */
    private static Map<String, Object> ordered(String... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static Schema object(String description) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        return Optional.ofNullable(description).map(schema::description).orElse(schema);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema uuid(String description) {
        return string(description).format("uuid");
    }
}
