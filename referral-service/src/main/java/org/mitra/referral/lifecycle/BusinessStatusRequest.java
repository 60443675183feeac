package org.mitra.referral.lifecycle;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BusinessStatusRequest")
public record BusinessStatusRequest(@Schema(examples = "POLICE_NOTIFIED") @NotNull BusinessStatus businessStatus) {
}
