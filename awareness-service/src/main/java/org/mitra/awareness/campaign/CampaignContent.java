package org.mitra.awareness.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's content in one language; free text is stored and returned exactly as sent. */
@Schema(name = "CampaignContent")
public record CampaignContent(
        @Schema(examples = "Child-safe tourism in Bali") @NotBlank @Size(max = 200) String title,
        @Schema(examples = "Tourists and tourism businesses can help keep children safe from exploitation.")
        @NotBlank @Size(max = 2000) String summary,
        @Schema(examples = "[\"Children are not tourist attractions\"]")
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 500) String> keyMessages,
        @Schema(examples = "Make a pledge") @NotBlank @Size(max = 500) String callToAction) {

    static CampaignContent of(CampaignText text) {
        return new CampaignContent(text.title, text.summary, List.copyOf(text.keyMessages), text.callToAction);
    }

    CampaignText toText() {
        CampaignText text = new CampaignText();
        text.title = title;
        text.summary = summary;
        text.keyMessages.addAll(keyMessages);
        text.callToAction = callToAction;
        return text;
    }
}
