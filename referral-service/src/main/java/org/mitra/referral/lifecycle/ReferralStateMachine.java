package org.mitra.referral.lifecycle;

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

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mitra.events.referral.ReferralStatus;

/**
 * The referral state machine of docs/referrals.md §2 (FHIR Task, Gravity referral profile): the sender
 * drafts and submits, the receiver accepts, rejects, starts, holds, resumes, completes or fails,
 * either side cancels an open referral, and the sender marks one entered in error. Pure: no I/O.
 */
public final class ReferralStateMachine {
    private static final Set<ReferralStatus> OPEN = EnumSet.of(DRAFT, REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD);

    private ReferralStateMachine() {
    }

    public static boolean isOpen(ReferralStatus status) {
        return OPEN.contains(status);
    }

    /** The state the action leads to when this side may take it from this state. */
    public static Optional<ReferralStatus> next(ReferralStatus from, Side side, Action action) {
        ReferralStatus to = switch (side) {
            case SENDER -> switch (action) {
                case SUBMIT -> from == DRAFT ? REQUESTED : null;
                case CANCEL -> isOpen(from) ? CANCELLED : null;
                case MARK_ENTERED_IN_ERROR -> isOpen(from) ? ENTERED_IN_ERROR : null;
                default -> null;
            };
            case RECEIVER -> switch (action) {
                case ACCEPT -> from == REQUESTED ? ACCEPTED : null;
                case REJECT -> from == REQUESTED ? REJECTED : null;
                case START -> from == ACCEPTED ? IN_PROGRESS : null;
                case HOLD -> from == ACCEPTED || from == IN_PROGRESS ? ON_HOLD : null;
                case RESUME -> from == ON_HOLD ? IN_PROGRESS : null;
                case COMPLETE -> isUnderWay(from) ? COMPLETED : null;
                case FAIL -> isUnderWay(from) ? FAILED : null;
                // A draft belongs to the sender alone: the receiver does not see it yet.
                case CANCEL -> isOpen(from) && from != DRAFT ? CANCELLED : null;
                default -> null;
            };
        };
        return Optional.ofNullable(to);
    }

    /**
     * The state the action leads to on a referral: as {@link #next(ReferralStatus, Side, Action)}, except that on a referral
     * to an agency outside the platform its sender also records the steps a receiver would take.
     */
    public static Optional<ReferralStatus> next(ReferralStatus from, Side side, Action action, boolean external) {
        Optional<ReferralStatus> own = next(from, side, action);
        if (own.isPresent() || !external || side != Side.SENDER) {
            return own;
        }
        return next(from, Side.RECEIVER, action);
    }

    /** The actions this side may take on a referral, the receiver's too for the sender of an external one. */
    public static List<Action> allowedActions(ReferralStatus from, Side side, boolean external) {
        return EnumSet.allOf(Action.class).stream().filter(action -> next(from, side, action, external).isPresent()).toList();
    }

    private static boolean isUnderWay(ReferralStatus status) {
        return status == ACCEPTED || status == IN_PROGRESS || status == ON_HOLD;
    }

    /** The actions this side may take from this state, in declaration order. */
    public static List<Action> allowedActions(ReferralStatus from, Side side) {
        return EnumSet.allOf(Action.class).stream().filter(action -> next(from, side, action).isPresent()).toList();
    }

    /** Whether the other side could take this action from this state (so refusing this side is a 403, not a 409). */
    public static boolean belongsToOtherSide(ReferralStatus from, Side side, Action action) {
        Side other = side == Side.SENDER ? Side.RECEIVER : Side.SENDER;
        return next(from, side, action).isEmpty() && next(from, other, action).isPresent();
    }
}
