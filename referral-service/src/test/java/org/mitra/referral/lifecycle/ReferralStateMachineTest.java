package org.mitra.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.events.referral.ReferralStatus.ACCEPTED;
import static org.mitra.events.referral.ReferralStatus.CANCELLED;
import static org.mitra.events.referral.ReferralStatus.COMPLETED;
import static org.mitra.events.referral.ReferralStatus.DRAFT;
import static org.mitra.events.referral.ReferralStatus.ENTERED_IN_ERROR;
import static org.mitra.events.referral.ReferralStatus.FAILED;
import static org.mitra.events.referral.ReferralStatus.IN_PROGRESS;
import static org.mitra.events.referral.ReferralStatus.ON_HOLD;
import static org.mitra.events.referral.ReferralStatus.REJECTED;
import static org.mitra.events.referral.ReferralStatus.REQUESTED;
import static org.mitra.referral.lifecycle.Action.ACCEPT;
import static org.mitra.referral.lifecycle.Action.CANCEL;
import static org.mitra.referral.lifecycle.Action.COMPLETE;
import static org.mitra.referral.lifecycle.Action.FAIL;
import static org.mitra.referral.lifecycle.Action.HOLD;
import static org.mitra.referral.lifecycle.Action.MARK_ENTERED_IN_ERROR;
import static org.mitra.referral.lifecycle.Action.REJECT;
import static org.mitra.referral.lifecycle.Action.RESUME;
import static org.mitra.referral.lifecycle.Action.START;
import static org.mitra.referral.lifecycle.Action.SUBMIT;
import static org.mitra.referral.lifecycle.Side.RECEIVER;
import static org.mitra.referral.lifecycle.Side.SENDER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mitra.events.referral.ReferralStatus;

/** Every (state, side, action) of docs/referrals.md §2, each either allowed to one exact state or refused. */
class ReferralStateMachineTest {
    /** The allowed transitions, written out independently of the implementation. */
    private static final List<Object[]> ALLOWED = List.of(
            t(DRAFT, SENDER, SUBMIT, REQUESTED),
            t(DRAFT, SENDER, CANCEL, CANCELLED),
            t(DRAFT, SENDER, MARK_ENTERED_IN_ERROR, ENTERED_IN_ERROR),
            t(REQUESTED, RECEIVER, ACCEPT, ACCEPTED),
            t(REQUESTED, RECEIVER, REJECT, REJECTED),
            t(REQUESTED, SENDER, CANCEL, CANCELLED),
            t(REQUESTED, RECEIVER, CANCEL, CANCELLED),
            t(REQUESTED, SENDER, MARK_ENTERED_IN_ERROR, ENTERED_IN_ERROR),
            t(ACCEPTED, RECEIVER, START, IN_PROGRESS),
            t(ACCEPTED, RECEIVER, HOLD, ON_HOLD),
            t(ACCEPTED, RECEIVER, COMPLETE, COMPLETED),
            t(ACCEPTED, RECEIVER, FAIL, FAILED),
            t(ACCEPTED, SENDER, CANCEL, CANCELLED),
            t(ACCEPTED, RECEIVER, CANCEL, CANCELLED),
            t(ACCEPTED, SENDER, MARK_ENTERED_IN_ERROR, ENTERED_IN_ERROR),
            t(IN_PROGRESS, RECEIVER, HOLD, ON_HOLD),
            t(IN_PROGRESS, RECEIVER, COMPLETE, COMPLETED),
            t(IN_PROGRESS, RECEIVER, FAIL, FAILED),
            t(IN_PROGRESS, SENDER, CANCEL, CANCELLED),
            t(IN_PROGRESS, RECEIVER, CANCEL, CANCELLED),
            t(IN_PROGRESS, SENDER, MARK_ENTERED_IN_ERROR, ENTERED_IN_ERROR),
            t(ON_HOLD, RECEIVER, RESUME, IN_PROGRESS),
            t(ON_HOLD, RECEIVER, COMPLETE, COMPLETED),
            t(ON_HOLD, RECEIVER, FAIL, FAILED),
            t(ON_HOLD, SENDER, CANCEL, CANCELLED),
            t(ON_HOLD, RECEIVER, CANCEL, CANCELLED),
            t(ON_HOLD, SENDER, MARK_ENTERED_IN_ERROR, ENTERED_IN_ERROR));

    private static Object[] t(ReferralStatus from, Side side, Action action, ReferralStatus to) {
        return new Object[] {from, side, action, to};
    }

    private static Optional<ReferralStatus> expected(ReferralStatus from, Side side, Action action) {
        return ALLOWED.stream().filter(row -> row[0] == from && row[1] == side && row[2] == action)
                .map(row -> (ReferralStatus) row[3]).findFirst();
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (ReferralStatus from : ReferralStatus.values()) {
            for (Side side : Side.values()) {
                for (Action action : Action.values()) {
                    all.add(Arguments.of(from, side, action));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} --{2}--> by {1}")
    @MethodSource("everyCombination")
    void eachCombinationIsAllowedExactlyAsDesignedOrRefused(ReferralStatus from, Side side, Action action) {
        assertThat(ReferralStateMachine.next(from, side, action)).isEqualTo(expected(from, side, action));
    }

    @Test
    void theTableCoversTenStatesTwoSidesAndTenActions() {
        assertThat(everyCombination().count()).isEqualTo(10 * 2 * 10);
        assertThat(ALLOWED).hasSize(27);
    }

    @Test
    void finalStatesAllowNothing() {
        for (ReferralStatus status : List.of(REJECTED, CANCELLED, COMPLETED, FAILED, ENTERED_IN_ERROR)) {
            assertThat(ReferralStateMachine.isOpen(status)).isFalse();
            for (Side side : Side.values()) {
                assertThat(ReferralStateMachine.allowedActions(status, side)).as("%s for %s", status, side).isEmpty();
            }
        }
    }

    @Test
    void allowedActionsListWhatEachSideMayDo() {
        assertThat(ReferralStateMachine.allowedActions(DRAFT, SENDER)).containsExactly(SUBMIT, CANCEL, MARK_ENTERED_IN_ERROR);
        assertThat(ReferralStateMachine.allowedActions(DRAFT, RECEIVER)).isEmpty();
        assertThat(ReferralStateMachine.allowedActions(REQUESTED, RECEIVER)).containsExactly(ACCEPT, REJECT, CANCEL);
        assertThat(ReferralStateMachine.allowedActions(ACCEPTED, RECEIVER)).containsExactly(START, HOLD, COMPLETE, FAIL, CANCEL);
        assertThat(ReferralStateMachine.allowedActions(IN_PROGRESS, SENDER)).containsExactly(CANCEL, MARK_ENTERED_IN_ERROR);
        assertThat(ReferralStateMachine.allowedActions(ON_HOLD, RECEIVER)).containsExactly(RESUME, COMPLETE, FAIL, CANCEL);
    }

    @Test
    void anActionOfTheOtherSideIsRecognisedAsSuch() {
        assertThat(ReferralStateMachine.belongsToOtherSide(REQUESTED, SENDER, ACCEPT)).isTrue();
        assertThat(ReferralStateMachine.belongsToOtherSide(DRAFT, RECEIVER, SUBMIT)).isTrue();
        assertThat(ReferralStateMachine.belongsToOtherSide(REQUESTED, RECEIVER, SUBMIT)).isFalse();
        assertThat(ReferralStateMachine.belongsToOtherSide(REQUESTED, SENDER, CANCEL)).isFalse();
        assertThat(ReferralStateMachine.belongsToOtherSide(COMPLETED, SENDER, ACCEPT)).isFalse();
    }

    @Test
    void reasonsAndServicesDeliveredAreRequiredWhereTheDesignSays() {
        assertThat(Stream.of(Action.values()).filter(Action::needsReason)).containsExactlyInAnyOrder(REJECT, CANCEL, HOLD, FAIL);
        assertThat(Stream.of(Action.values()).filter(Action::needsCompletion)).containsExactly(COMPLETE);
    }

    @Test
    void actionCodesRoundTrip() {
        for (Action action : Action.values()) {
            assertThat(Action.fromCode(action.code())).contains(action);
        }
        assertThat(Action.fromCode("mark-entered-in-error")).contains(MARK_ENTERED_IN_ERROR);
        assertThat(Action.fromCode("approve")).isEmpty();
        assertThat(Action.fromCode("ACCEPT")).isEmpty();
    }

    @Property
    void anyWalkStaysInsideTheMachineAndEndsInAFinalStateOrAnOpenOne(@ForAll("walks") List<Map.Entry<Side, Action>> steps) {
        ReferralStatus status = DRAFT;
        for (Map.Entry<Side, Action> step : steps) {
            Optional<ReferralStatus> next = ReferralStateMachine.next(status, step.getKey(), step.getValue());
            if (!ReferralStateMachine.isOpen(status)) {
                assertThat(next).isEmpty();
            }
            if (next.isPresent()) {
                assertThat(ReferralStateMachine.allowedActions(status, step.getKey())).contains(step.getValue());
                status = next.get();
            } else {
                assertThat(ReferralStateMachine.allowedActions(status, step.getKey())).doesNotContain(step.getValue());
            }
            // The receiver never acts on a draft, and only the sender leaves DRAFT.
            assertThat(status == DRAFT && step.getKey() == RECEIVER && next.isPresent()).isFalse();
        }
    }

    @Provide
    Arbitrary<List<Map.Entry<Side, Action>>> walks() {
        return Arbitraries.entries(Arbitraries.of(Side.class), Arbitraries.of(Action.class)).list().ofMaxSize(30);
    }

    @Test
    void businessStatusMovesOneStepAtATime() {
        assertThat(BusinessStatus.after(null)).contains(BusinessStatus.POLICE_NOTIFIED);
        assertThat(BusinessStatus.after(BusinessStatus.POLICE_NOTIFIED)).contains(BusinessStatus.REPORT_FILED);
        assertThat(BusinessStatus.after(BusinessStatus.REPORT_FILED)).contains(BusinessStatus.VICTIM_REMOVED);
        assertThat(BusinessStatus.after(BusinessStatus.VICTIM_REMOVED)).contains(BusinessStatus.WITH_PROSECUTOR);
        assertThat(BusinessStatus.after(BusinessStatus.WITH_PROSECUTOR)).contains(BusinessStatus.VERDICT);
        assertThat(BusinessStatus.after(BusinessStatus.VERDICT)).isEmpty();
    }
}
