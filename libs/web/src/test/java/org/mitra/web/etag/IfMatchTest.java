package org.mitra.web.etag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.EntityTag;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.web.problem.PreconditionFailedException;
import org.mitra.web.problem.PreconditionRequiredException;

class IfMatchTest {
    private static final UUID ID = UUID.fromString("5b1c1f9e-6f7a-4c55-9d0e-1f2a3b4c5d6e");
    private static final EntityTag CURRENT = EntityTags.of(ID, 7);

    @Test
    void tagIsStrongAndNamesIdAndVersion() {
        assertThat(CURRENT.isWeak()).isFalse();
        assertThat(CURRENT.getValue()).isEqualTo(ID + "-7");
        assertThat(EntityTags.of(ID, 8)).isNotEqualTo(CURRENT);
    }

    @Test
    void matchesTheCurrentTagAnywhereInAList() {
        assertThat(IfMatch.parse("\"" + ID + "-7\"").matches(CURRENT)).isTrue();
        assertThat(IfMatch.parse("\"other\", \"" + ID + "-7\"").matches(CURRENT)).isTrue();
    }

    @Test
    void doesNotMatchAStaleTag() {
        assertThat(IfMatch.parse("\"" + ID + "-6\"").matches(CURRENT)).isFalse();
    }

    @Test
    void weakTagsNeverMatchBecauseIfMatchComparesStrongly() {
        assertThat(IfMatch.parse("W/\"" + ID + "-7\"").matches(CURRENT)).isFalse();
    }

    @Test
    void starMatchesAnyCurrentTag() {
        assertThat(IfMatch.parse("*").matches(CURRENT)).isTrue();
    }

    @Test
    void aMalformedHeaderMatchesNothing() {
        assertThat(IfMatch.parse(ID + "-7").matches(CURRENT)).isFalse();
        assertThat(IfMatch.parse("\"unterminated").matches(CURRENT)).isFalse();
    }

    @Test
    void tagsMayContainCommas() {
        EntityTag withComma = new EntityTag("a,b");
        assertThat(IfMatch.parse("\"a,b\"").matches(withComma)).isTrue();
    }

    @Test
    void checkLetsAnAbsentHeaderThroughButRequireAsksForIt() {
        assertThatCode(() -> IfMatch.check(null, CURRENT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> IfMatch.require(null, CURRENT)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> IfMatch.check("\"stale\"", CURRENT)).isInstanceOf(PreconditionFailedException.class);
    }
}
