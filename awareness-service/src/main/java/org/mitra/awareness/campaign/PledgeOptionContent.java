package org.mitra.awareness.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.awareness.Patterns;

/** A commitment a pledger may choose: a stable code and its label per language. */
@Schema(name = "PledgeOption")
public record PledgeOptionContent(
        @Schema(examples = "report-suspicions") @NotBlank @Size(max = 64)
        @Pattern(regexp = Patterns.CODE, message = "{org.mitra.awareness.code}")
        String code,
        @Schema(description = "Label per BCP 47 language code", examples = "{\"en\": \"I will report suspicions\", \"id\": \"Saya akan melaporkan kecurigaan\"}")
        @NotEmpty @Size(max = 10) Map<@Size(max = 35) @Pattern(regexp = Patterns.LANGUAGE, message = "{org.mitra.awareness.language}") String,
                @NotBlank @Size(max = 300) String> labels) {

    static PledgeOptionContent of(PledgeOption option) {
        return new PledgeOptionContent(option.code, new LinkedHashMap<>(option.labels));
    }

    PledgeOption toOption() {
        PledgeOption option = new PledgeOption();
        option.code = code;
        option.labels.putAll(labels);
        return option;
    }
}
