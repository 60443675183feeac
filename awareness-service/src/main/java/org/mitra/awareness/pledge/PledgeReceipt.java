package org.mitra.awareness.pledge;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the pledger gets back once: the token is their only key to the pledge and is never shown again. */
@Schema(name = "PledgeReceipt")
public record PledgeReceipt(
        UUID id,
        UUID campaignId,
        Pledge.Kind kind,
        String commitment,
        Instant createdAt,
        @Schema(description = "Secret to update the checklist, unsubscribe or erase the pledge; keep it, it is not stored in readable form",
                examples = "q3Zp9-7xYb2mN4cV1kR8sT0uW6eA5dF3gH2jK1lM0nO")
        String token,
        @Schema(examples = "/api/awareness/campaigns/9d1c8f40-2a6b-4f0e-8c3d-1b2a3c4d5e6f/pledges/5b8e.../unsubscribe?token=...")
        String unsubscribeLink) {
}
