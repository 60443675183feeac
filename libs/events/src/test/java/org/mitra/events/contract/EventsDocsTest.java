package org.mitra.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md's section "The contract (AsyncAPI)" is the contract rendered ({@link AsyncApiMarkdown}), between its
 * two markers. After a change to the contract, write it again with
 * <pre>./mvnw -pl libs/events install -Dmitra.asyncapi.docs.write=true</pre>
 */
class EventsDocsTest {
    static final String BEGIN = "<!-- asyncapi:begin (generated from mitra-events.yaml by libs/events EventsDocsTest; "
            + "regenerate with -Dmitra.asyncapi.docs.write=true) -->\n";
    static final String END = "<!-- asyncapi:end -->";

    @Test
    void theDocsRenderTheContractAsItIs() throws IOException {
        Path docs = AsyncApiContractTest.repository().resolve("docs/events.md");
        String text = Files.readString(docs);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("docs/events.md has the marker " + BEGIN.strip()).isNotNegative();
        assertThat(end).as("docs/events.md has the marker " + END).isGreaterThan(begin);
        String rendered = new AsyncApiMarkdown(AsyncApi.load()).render();
        if (Boolean.getBoolean("mitra.asyncapi.docs.write")) {
            text = text.substring(0, begin + BEGIN.length()) + "\n" + rendered + "\n" + text.substring(end);
            Files.writeString(docs, text);
            end = text.indexOf(END);
        }
        assertThat(text.substring(begin + BEGIN.length(), end).strip())
                .as("docs/events.md's contract section drifted from mitra-events.yaml; regenerate: "
                        + "./mvnw -pl libs/events install -Dmitra.asyncapi.docs.write=true")
                .isEqualTo(rendered.strip());
    }
}
